/**
 * The public API of casemail messaging: court-grade messaging between family-law practitioners and
 * their clients.
 *
 * <p>Start at {@link dev.casemail.messaging.api.Messaging}: the host registers its users in the
 * {@link dev.casemail.messaging.api.Directory} and then acts as one of them through
 * {@link dev.casemail.messaging.api.Messaging#actingAs(ParticipantId)}, so that every call is
 * authorized against that participant.
 *
 * <p>Commands ({@code NewMessage}, {@code Reply}, {@code MoveRequest}, ...) validate their shape when
 * they are built and throw {@link dev.casemail.messaging.api.InvalidInputException} naming the field;
 * views ({@code MessageView}, {@code FolderPage}, ...) are immutable snapshots. Every failure is a
 * {@link dev.casemail.messaging.api.MessagingException}; no checked exception and no storage exception
 * ever crosses this API.
 *
 * <p>Every value type's public {@code Builder} is the API's own thin class: it refuses a null (a
 * collection, an element, an array, an {@code Optional}) with an {@code InvalidInputException} naming
 * the field before it hands the value to the builder Immutables generates, which stays a
 * package-private detail ({@code typeInnerBuilder} names no class, so Immutables neither extends nor
 * subclasses ours; {@code builder = "new"} leaves the static {@code builder()} to the type), since the
 * generated setters are final and would fail with a {@code NullPointerException}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    typeInnerBuilder = "GeneratedBuilder",
    builder = "new")
package dev.casemail.messaging.api;

import org.immutables.value.Value;
