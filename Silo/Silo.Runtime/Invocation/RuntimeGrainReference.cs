namespace Silo.Invocation;

/// <summary>A reference the runtime uses to call a grain by id, without a generated interface reference.</summary>
internal sealed class RuntimeGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId);
