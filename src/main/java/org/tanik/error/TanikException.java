package org.tanik.error;

import java.util.List;
import org.tanik.i18n.Keyed;

/**
 * A failure the user can understand and act on. The message is the problem code plus
 * non-secret arguments (a path, a field name), never testimony text, keys or SQL messages.
 */
public class TanikException extends RuntimeException implements Keyed {

    /** The resource-bundle family of every problem's sentence (key {@code error.<code>}). */
    public static final String MESSAGES = "org.tanik.i18n.errors";

    private final Problem problem;
    private final List<String> args;

    public TanikException(Problem problem, String... args) {
        this(problem, null, args);
    }

    public TanikException(Problem problem, Throwable cause, String... args) {
        super(problem.name(), cause, false, true);
        this.problem = problem;
        this.args = List.of(args);
    }

    public Problem problem() {
        return problem;
    }

    public List<String> args() {
        return args;
    }

    @Override
    public String family() {
        return MESSAGES;
    }

    @Override
    public String key() {
        return problem.key();
    }

    @Override
    public Object[] arguments() {
        return args.toArray();
    }
}
