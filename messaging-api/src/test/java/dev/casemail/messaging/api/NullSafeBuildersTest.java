package dev.casemail.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every builder of the API refuses a null with an {@link InvalidInputException} naming the field,
 * never a raw {@link NullPointerException}: each public method of each command's builder, each static
 * factory and each public method of the command itself, called with null (and, for collections, with
 * a null element), and likewise every method of the builders of the read models, which hosts use in
 * their own tests. The commands are found from the API itself: every type a method of {@link
 * Messaging}, {@link Directory} or {@link ParticipantMessaging} takes that has a builder; the read
 * models are every other type of the package with a builder.
 */
class NullSafeBuildersTest {

  private static final ParticipantId ANNA = ParticipantId.of("anna");

  /** A builder of each command holding a valid value, so that a setter given null is all that is wrong. */
  private static final Map<Class<?>, Supplier<Object>> VALID = Map.of(
      NewMessage.class, () -> NewMessage.builder().addRecipients(ANNA).subject("Hearing").body("Monday"),
      Reply.class, () -> Reply.builder().message(MessageId.of(1)),
      DraftContent.class, DraftContent::builder,
      MoveRequest.class, () -> MoveRequest.builder().addMessages(MessageId.of(1)).target(SystemFolder.ARCHIVE.id()),
      NewNotification.class, () -> NewNotification.builder().recipient(ANNA).subject("Shared"),
      ParticipantRegistration.class,
          () -> ParticipantRegistration.builder().id(ANNA).role(ParticipantRole.PARENT).displayName("Anna"),
      FamilyRegistration.class, () -> FamilyRegistration.builder().id(FamilyId.of("f")).name("F").addParents(ANNA),
      PageRequest.class, PageRequest::builder,
      AutoResponderSettings.class, () -> AutoResponderSettings.builder().enabled(false));

  /** What {@code from(null)} names: the parameter name the API's methods give the command. */
  private static final Map<Class<?>, String> WHOLE = Map.of(
      NewMessage.class, "message",
      Reply.class, "reply",
      DraftContent.class, "content",
      MoveRequest.class, "request",
      NewNotification.class, "notification",
      ParticipantRegistration.class, "registration",
      FamilyRegistration.class, "registration",
      PageRequest.class, "page",
      AutoResponderSettings.class, "settings");

  @Test
  void theCommandsAreExactlyTheBuildableTypesTheApiTakes() {
    assertThat(commands()).containsExactlyInAnyOrderElementsOf(VALID.keySet());
  }

  @Test
  void theDefectsTheReviewFoundAreInvalidInputNamingTheField() {
    assertInvalid("recipients", () -> NewMessage.builder().recipients((Iterable<ParticipantId>) null));
    assertInvalid("recipients", () -> DraftContent.builder().recipients(null));
    assertInvalid("parents", () -> FamilyRegistration.builder().parents(null));
    assertInvalid("messages", () -> MoveRequest.builder().messages(null));
    assertInvalid("messages", () -> MoveRequest.of((Set<MessageId>) null, SystemFolder.ARCHIVE.id()));
    assertInvalid("recipients", () -> NewMessage.builder().addRecipients((ParticipantId[]) null));
    assertInvalid("recipients", () -> NewMessage.builder().addRecipients(ANNA, null).subject("s").build());
    assertInvalid("idempotencyKey", () -> NewMessage.builder().idempotencyKey((Optional<String>) null));
    assertInvalid("message", () -> NewMessage.builder().from(null));
  }

  @Test
  void everyBuilderMethodGivenNullRefusesItNamingTheFieldOrTakesItAsAbsent() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    List<String> checked = new ArrayList<>();
    for (Class<?> command : commands()) {
      Class<?> builderType = VALID.get(command).get().getClass();
      for (Method method : publicMethods(builderType)) {
        if (!takesAReference(method) || method.getName().equals("equals")) {
          continue;
        }
        String field = method.getName().equals("from") ? WHOLE.get(command) : attribute(method.getName());
        Object builder = VALID.get(command).get();
        Throwable thrown = catchThrowable(() -> invoke(method, builder, nulls(method)));
        String call = builderType.getName() + "." + method.getName() + "(" + describe(method) + ") given null";
        if (acceptsNullAsAbsent(command, method)) {
          softly.assertThat(thrown).as(call).isNull();
          if (thrown == null) {
            Object built = invoke(builderType.getMethod("build"), builder);
            softly.assertThat(invoke(command.getMethod(method.getName()), built)).as(call).isEqualTo(Optional.empty());
          }
        } else {
          softly.assertThat(thrown).as(call).isInstanceOf(InvalidInputException.class);
          if (thrown instanceof InvalidInputException) {
            softly.assertThat(((InvalidInputException) thrown).field()).as(call).isEqualTo(field);
          }
        }
        checked.add(call);
      }
    }
    softly.assertThat(checked).as("builder methods taking a reference").hasSizeGreaterThan(40);
    softly.assertAll();
  }

  @Test
  void everyCollectionSetterGivenANullElementRefusesItNamingTheField() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (Class<?> command : commands()) {
      Class<?> builderType = VALID.get(command).get().getClass();
      for (Method method : publicMethods(builderType)) {
        if (method.getParameterCount() != 1) {
          continue;
        }
        Class<?> type = method.getParameterTypes()[0];
        Object withANull;
        if (type.isArray()) {
          withANull = java.lang.reflect.Array.newInstance(type.getComponentType(), 2); // both null
        } else if (type == Iterable.class) {
          withANull = Arrays.asList(new Object[] {null});
        } else {
          continue;
        }
        Object builder = VALID.get(command).get();
        String call = builderType.getName() + "." + method.getName() + "(" + describe(method) + ") given a null element";
        Throwable thrown = catchThrowable(() -> {
          invoke(method, builder, withANull);
          invoke(builderType.getMethod("build"), builder);
        });
        softly.assertThat(thrown).as(call).isInstanceOf(InvalidInputException.class);
        if (thrown instanceof InvalidInputException) {
          softly.assertThat(((InvalidInputException) thrown).field()).as(call).isEqualTo(attribute(method.getName()));
        }
        checked++;
      }
    }
    softly.assertThat(checked).as("collection setters").isGreaterThanOrEqualTo(9);
    softly.assertAll();
  }

  @Test
  void everyFactoryAndMethodOfACommandGivenNullsRefusesThem() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (Class<?> command : commands()) {
      Object value = invoke(VALID.get(command).get().getClass().getMethod("build"), VALID.get(command).get());
      for (Method method : publicMethods(command)) {
        if (!takesAReference(method) || method.getName().equals("equals")) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        String call = command.getSimpleName() + "." + method.getName() + "(" + describe(method) + ") given nulls";
        Throwable thrown = catchThrowable(() -> invoke(method, isStatic ? null : value, nulls(method)));
        softly.assertThat(thrown).as(call).isInstanceOf(InvalidInputException.class);
        checked++;
      }
    }
    softly.assertThat(checked).as("factories and methods taking a reference").isGreaterThanOrEqualTo(8);
    softly.assertAll();
  }

  @Test
  void everyReadModelsBuilderGivenNullRefusesItNamingTheFieldOrTakesItAsAbsent() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    Set<Class<?>> views = valueTypes();
    views.removeAll(commands());
    int checked = 0;
    for (Class<?> view : views) {
      Object builder = view.getMethod("builder").invoke(null);
      for (Method method : publicMethods(builder.getClass())) {
        if (!takesAReference(method) || method.getName().equals("equals")) {
          continue;
        }
        Object fresh = view.getMethod("builder").invoke(null);
        Throwable thrown = catchThrowable(() -> invoke(method, fresh, nulls(method)));
        String call = view.getSimpleName() + ".Builder." + method.getName() + "(" + describe(method) + ") given null";
        if (acceptsNullAsAbsent(view, method)) {
          softly.assertThat(thrown).as(call).isNull();
        } else {
          softly.assertThat(thrown).as(call).isInstanceOf(InvalidInputException.class);
          if (thrown instanceof InvalidInputException) {
            String field = method.getName().equals("from")
                ? view.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT) + view.getSimpleName().substring(1)
                : attribute(method.getName());
            softly.assertThat(((InvalidInputException) thrown).field()).as(call).isEqualTo(field);
          }
        }
        checked++;
      }
    }
    softly.assertThat(views).as("read models with a builder").hasSizeGreaterThanOrEqualTo(15);
    softly.assertThat(checked).as("read model builder methods taking a reference").isGreaterThan(100);
    softly.assertAll();
  }

  @Test
  void aNullElementLeavesTheBuilderAsItWas() {
    NewMessage.Builder builder = NewMessage.builder().addRecipients(ANNA).subject("Hearing");

    assertInvalid("recipients", () -> builder.addAllRecipients(Arrays.asList(ParticipantId.of("ben"), null)));

    assertThat(builder.build().recipients()).containsExactly(ANNA);
  }

  @Test
  void theSettersThatTakeNullAsAbsentAreTheOnesOfOptionalValues() {
    assertThat(NewMessage.builder().addRecipients(ANNA).subject("s").idempotencyKey((String) null).build()
        .idempotencyKey()).isEmpty();
    assertThat(DraftContent.builder().subject("Draft").subject((String) null).build().subject()).isEmpty();
    assertThat(MoveRequest.builder().addMessages(MessageId.of(1)).target(SystemFolder.ARCHIVE.id())
        .expectedSource((FolderId) null).build().expectedSource()).isEmpty();
    assertThat(PageRequest.builder().after((PageCursor) null).build().after()).isEmpty();
    assertThat(AutoResponderSettings.builder().enabled(false).activeFrom((java.time.Instant) null).build()
        .activeFrom()).isEmpty();
  }

  @Test
  void callersKeepTheirSourceForm() {
    NewMessage message = NewMessage.builder()
        .addRecipients(ANNA)
        .subject(" Hearing ")
        .body("Monday")
        .idempotencyKey("k-1")
        .build();
    NewMessage copy = NewMessage.builder().from(message).build();
    NewMessage.Builder explicit = new NewMessage.Builder();

    assertThat(message.subject()).isEqualTo("Hearing");
    assertThat(copy).isEqualTo(message);
    assertThat(explicit.recipients(List.of(ANNA)).subject("Hearing").body("Monday").idempotencyKey(Optional.of("k-1"))
        .build()).isEqualTo(message);
    assertThat(MoveRequest.of(Set.of(MessageId.of(2)), SystemFolder.ARCHIVE.id()).messages()).containsExactly(MessageId.of(2));
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The types with a builder that a method of the API's entry points takes. */
  static Set<Class<?>> commands() {
    Set<Class<?>> commands = new LinkedHashSet<>();
    for (Class<?> entry : List.of(Messaging.class, Directory.class, ParticipantMessaging.class)) {
      for (Method method : entry.getMethods()) {
        for (Class<?> parameter : method.getParameterTypes()) {
          if (Arrays.stream(parameter.getMethods())
              .anyMatch(m -> m.getName().equals("builder") && Modifier.isStatic(m.getModifiers()))) {
            commands.add(parameter);
          }
        }
      }
    }
    return commands;
  }

  /** Every public type of the API's package that has a static {@code builder()}. */
  static Set<Class<?>> valueTypes() throws Exception {
    Path classes = Path.of(InputRules.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(InputRules.class.getPackageName().replace('.', '/'));
    Set<Class<?>> types = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(InputRules.class.getPackageName() + "." + name.substring(0, name.length() - 6));
        if (Modifier.isPublic(type.getModifiers()) && Arrays.stream(type.getMethods())
            .anyMatch(m -> m.getName().equals("builder") && Modifier.isStatic(m.getModifiers()))) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private static List<Method> publicMethods(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getDeclaringClass() != Object.class)
        .sorted(Comparator.comparing(Method::toString))
        .collect(Collectors.toList());
  }

  private static boolean takesAReference(Method method) {
    return Arrays.stream(method.getParameterTypes()).anyMatch(t -> !t.isPrimitive());
  }

  /**
   * A setter of an optional value given the value's own type (not an {@code Optional}): null means
   * absent there, as the builders document.
   */
  private static boolean acceptsNullAsAbsent(Class<?> command, Method setter) throws Exception {
    if (setter.getParameterCount() != 1 || setter.getParameterTypes()[0] == Optional.class) {
      return false;
    }
    try {
      return command.getMethod(setter.getName()).getReturnType() == Optional.class;
    } catch (NoSuchMethodException notAnAttribute) {
      return false;
    }
  }

  /** The attribute a builder method sets: {@code addAllRecipients} and {@code addRecipients} set {@code recipients}. */
  private static String attribute(String method) {
    String name = method.startsWith("addAll") ? method.substring(6) : method.startsWith("add") ? method.substring(3) : method;
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static Object[] nulls(Method method) {
    Object[] arguments = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      arguments[i] = types[i] == int.class ? 1 : types[i] == long.class ? 1L : types[i] == boolean.class ? false : null;
    }
    return arguments;
  }

  private static String describe(Method method) {
    return Arrays.stream(method.getParameters()).map(Parameter::getType).map(Class::getSimpleName)
        .collect(Collectors.joining(", "));
  }

  private static Object invoke(Method method, Object target, Object... arguments) throws Exception {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  private static void assertInvalid(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
