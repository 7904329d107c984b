namespace Silo;

/// <summary>
/// On a grain interface method: the call is admitted even while another request holds the activation
/// (read-only queries and control calls such as interrupt or status). It still runs in the activation's context.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
