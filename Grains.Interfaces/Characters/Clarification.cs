namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// The user's message takes the opposite stance of something they told the character before: both stay remembered,
/// and the reply asks <see cref="Question"/> instead of silently taking the new stance over the old.
/// </summary>
/// <param name="EarlierStatement">What they said before (a long-term memory).</param>
/// <param name="Statement">What they say now.</param>
/// <param name="Topic">What both are about.</param>
/// <param name="Question">The clarifying question to ask, in the user's language.</param>
public sealed record Clarification(string EarlierStatement, string Statement, string Topic, string Question);
