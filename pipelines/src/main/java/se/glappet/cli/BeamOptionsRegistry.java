package se.glappet.cli;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.ExperimentalOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Beam's options registry, filled with the options of the two runners Glappet runs on instead of
 * every interface that a {@link PipelineOptionsRegistrar} on the class path names.
 *
 * <p>Why: when {@link PipelineOptionsFactory} is first used, its class initialiser registers the
 * interfaces of every registrar it finds (the SDK's defaults, the portable runners' environment,
 * SDK-harness, resource-hint and transform-service options, the DirectRunner's test options, the
 * FlinkRunner's), and checks each new interface against the union of all registered ones, sorting
 * their methods by their generic signatures, as interpreted code at that point. On this machine that
 * is about one second of the main thread's start-up (bench/README.md, thirteenth session), on every
 * run. With only the runners' options the same work is about half.
 *
 * <p>How: the initialiser finds the registrars through the thread's context class loader. {@link
 * #forRunner} runs it under a loader that lists no registrars and otherwise delegates to this
 * class's own, then registers {@link #ALWAYS} and the options of the runner about to be parsed for
 * ({@link #runnerOptions}). Command-line parsing accepts the properties of the registered
 * interfaces, so every option of that runner ({@code --flinkMaster}, {@code --parallelism}, {@code
 * --targetParallelism}, ...) and {@code --experiments} is accepted as before; the options of the
 * portable runners' environments and of the SDK harness are not (the CLI names them unknown
 * options), nor is one runner's option given to the other (the CLI says whose option it is,
 * {@link #runnerWithOption}). Beam registers any other interface when a runner first asks for it
 * ({@code options.as(...)}), as it always does. A Flink cluster's JVMs build their own registry as
 * usual.
 *
 * <p>When the factory has already been initialised in this JVM (in-process callers such as the
 * tests, which use Beam before the CLI), its registry stays as it is, and registering the above
 * changes nothing: the accepted options are then a superset.
 */
final class BeamOptionsRegistry {
  private BeamOptionsRegistry() {}

  /** Registered for every runner: {@code --experiments}. */
  static final List<Class<? extends PipelineOptions>> ALWAYS = List.of(ExperimentalOptions.class);

  /** The service file through which Beam finds the registrars. */
  static final String REGISTRARS = "META-INF/services/" + PipelineOptionsRegistrar.class.getName();

  private static boolean initialised;

  /**
   * Makes Beam's options registry (once per JVM) as described above, and registers the options of
   * {@code runner} in it; safe from any thread.
   */
  static synchronized void forRunner(String runner) {
    initialise();
    Class<? extends PipelineOptions> options = runnerOptions(runner);
    if (options != null) {
      PipelineOptionsFactory.register(options);
    }
  }

  /**
   * The part of {@link #forRunner} that does not depend on the runner: the registry with
   * {@link #ALWAYS} only (once per JVM; safe from any thread). The launcher's process begins it on
   * its warm-up thread ({@link Warmup#OPTIONS}) while the main thread reads the arguments; a
   * {@link #forRunner} that comes first does it itself, one that comes meanwhile waits for it.
   */
  static synchronized void initialise() {
    if (!initialised) {
      ClassLoader own = BeamOptionsRegistry.class.getClassLoader();
      Thread thread = Thread.currentThread();
      ClassLoader context = thread.getContextClassLoader();
      thread.setContextClassLoader(new WithoutRegistrars(own));
      try {
        Class.forName(PipelineOptionsFactory.class.getName(), true, own);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Beam's core is not on the class path", e);
      } finally {
        thread.setContextClassLoader(context);
      }
      ALWAYS.forEach(PipelineOptionsFactory::register);
      initialised = true;
    }
  }

  /**
   * The options interface of a runner Glappet runs on, by any name {@code --runner} takes for it
   * (Beam's: the class's simple or full name, with or without "Runner", in any case); null for any
   * other name, which Beam's parsing then rejects.
   */
  static Class<? extends PipelineOptions> runnerOptions(String runner) {
    switch (runner.substring(runner.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT)) {
      case "flinkrunner":
      case "flink":
        return FlinkPipelineOptions.class;
      case "directrunner":
      case "direct":
        return DirectOptions.class;
      default:
        return null;
    }
  }

  /**
   * The runner (of the two) whose options have the property {@code name} when the other's do not,
   * for the message about an option given to the wrong runner; null otherwise.
   */
  static String runnerWithOption(String name) {
    boolean flink = hasProperty(FlinkPipelineOptions.class, name);
    boolean direct = hasProperty(DirectOptions.class, name);
    return flink == direct ? null : flink ? "FlinkRunner" : "DirectRunner";
  }

  private static boolean hasProperty(Class<?> options, String name) {
    if (name.isEmpty()) {
      return false;
    }
    String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (java.lang.reflect.Method m : options.getMethods()) {
      if (m.getParameterCount() == 0 && (m.getName().equals("get" + capitalised) || m.getName().equals("is" + capitalised))) {
        return true;
      }
    }
    return false;
  }

  /** Delegates everything to its parent but for the list of options registrars, which it has none of. */
  static final class WithoutRegistrars extends ClassLoader {
    WithoutRegistrars(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return REGISTRARS.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
      return REGISTRARS.equals(name) ? null : super.getResource(name);
    }
  }
}
