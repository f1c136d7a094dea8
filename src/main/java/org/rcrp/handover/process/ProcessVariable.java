package org.rcrp.handover.process;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A process variable with its name and Java type, declared once in the process's constants class
 * and used by delegates, facades and tests. Enums are stored as their names, so gateways can compare
 * them with a constant ({@code ${route == 'REFER'}}) and history shows readable values.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    public static ProcessVariable<String> string(String name) {
        return new ProcessVariable<>(name, value -> (String) value, value -> value);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return new ProcessVariable<>(name, value -> (Boolean) value, value -> value);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).intValue(), value -> value);
    }

    public static ProcessVariable<Date> date(String name) {
        return new ProcessVariable<>(name, value -> (Date) value, value -> value);
    }

    public static <E extends Enum<E>> ProcessVariable<E> enumeration(String name, Class<E> type) {
        return new ProcessVariable<>(name,
                value -> value == null ? null : Enum.valueOf(type, (String) value),
                value -> value == null ? null : value.name());
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is unset or null. */
    public T get(VariableScope scope) {
        return read.apply(scope.getVariable(name));
    }

    public Optional<T> find(VariableScope scope) {
        return Optional.ofNullable(get(scope));
    }

    public T require(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
    }

    public boolean isTrue(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    /**
     * Sets the value where the variable lives (the engine's rule), unless it already holds it: every write
     * is a row update and a history row, and status listeners set the same state again at many steps.
     */
    public void set(VariableScope scope, T value) {
        Object stored = write.apply(value);
        if (scope.hasVariable(name) && Objects.equals(scope.getVariable(name), stored)) {
            return;
        }
        scope.setVariable(name, stored);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, write.apply(value));
    }

    /** Whether a plain variable map holds true for this variable. */
    public boolean isTrueIn(Map<String, ?> variables) {
        return Boolean.TRUE.equals(variables.get(name));
    }

    /** Reads the value from a plain variable map (history, REST payloads). */
    public T from(Map<String, ?> variables) {
        return read.apply(variables.get(name));
    }

    /** Puts the value, in its stored form, into a variable map about to be sent to the engine. */
    public void putInto(Map<String, Object> variables, T value) {
        variables.put(name, write.apply(value));
    }

    /**
     * Puts the value as a transient variable: the steps the completion runs in its transaction read it (gateways,
     * the threshold decision, whose own history keeps its inputs), and it is never written to the engine's tables —
     * what a person answered is kept once, in the case's journal. A case that already stores a variable of this
     * name (completed once through {@code /engine-rest}) has it updated instead: the engine refuses to mix the two.
     */
    public void putTransientInto(Map<String, Object> variables, Map<String, ?> stored, T value) {
        if (stored.containsKey(name)) {
            putInto(variables, value);
            return;
        }
        Object written = write.apply(value);
        variables.put(name, written == null ? Variables.untypedNullValue(true) : Variables.untypedValue(written, true));
    }

    /**
     * Sets the value as a transient variable where it lives, as {@link #putTransientInto} puts it into a completion: a
     * variable the case already stores under this name is updated instead.
     */
    public void setTransient(VariableScope scope, T value) {
        org.camunda.bpm.engine.variable.value.TypedValue current = scope.getVariableTyped(name);
        if (current != null && !current.isTransient()) {
            set(scope, value);
            return;
        }
        Object written = write.apply(value);
        scope.setVariable(name, written == null ? Variables.untypedNullValue(true) : Variables.untypedValue(written, true));
    }

    @Override
    public String toString() {
        return name;
    }
}
