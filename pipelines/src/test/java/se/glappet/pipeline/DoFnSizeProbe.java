package se.glappet.pipeline;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import se.glappet.reference.Municipalities;

public class DoFnSizeProbe {
  public static void main(String[] a) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    GlappetPipeline.build(p, new BatchSpec(List.of(), Municipalities.shipped(), null, null, "/tmp/x"));
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {
        if (value instanceof PCollection) {
          String c = ((PCollection<?>) value).getCoder().toString();
          if (c.contains("Serializable")) {
            System.out.println(producer.getFullName() + "\t" + c);
          }
        }
      }
    });
  }
}
