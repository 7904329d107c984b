namespace Silo.Invocation;

/// <summary>The result type of calls to methods returning Task or ValueTask.</summary>
public readonly struct NoResult;
