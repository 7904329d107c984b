namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>The kinds of caller the authorization matrix tries every route with.</summary>
internal static class MatrixCaller
{
    public const string Anonymous = "anonymous";

    /// <summary>A guest invited to the conversation.</summary>
    public const string Guest = "guest participant";

    /// <summary>A user who owns the conversation.</summary>
    public const string Owner = "user owner";

    /// <summary>A user who does not take part.</summary>
    public const string Other = "other user";

    /// <summary>An operator invited to the conversation (a participant who is not its owner).</summary>
    public const string Operator = "operator participant";

    /// <summary>An admin who does not take part.</summary>
    public const string Admin = "admin";

    /// <summary>The matrix's columns, in order.</summary>
    public static readonly string[] All = [Anonymous, Guest, Owner, Other, Operator, Admin];
}
