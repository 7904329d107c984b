namespace LlmMultiChat.Grains.Characters;

/// <summary>A lesson drawn by reflection, to keep for one user.</summary>
/// <param name="Text">What to do differently, as a prompt instruction.</param>
/// <param name="Situation">What the user said that the lesson is about: it is recalled when a similar thing is said.</param>
public sealed record NewLesson(string Text, string Situation);
