package dev.casemail.messaging.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the commands a host builds: the package's style, except that the generated
 * builder stays a plain package-private class. Each command's public {@code Builder} is then the API's
 * own thin class that refuses a null with an {@link InvalidInputException} naming the field before it
 * hands the value to the generated builder, whose setters are final and would fail with a
 * {@link NullPointerException} on a null collection or {@code Optional}.
 *
 * <p>{@code typeInnerBuilder} names no class, so Immutables neither extends nor subclasses the
 * command's own {@code Builder}; {@code builder = "new"} leaves the static {@code builder()} method
 * to the command.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    typeInnerBuilder = "GeneratedBuilder",
    builder = "new")
@interface CommandStyle {}
