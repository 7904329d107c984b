namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>Scripts the browser tests run in the page.</summary>
internal static class PageProbes
{
    /// <summary>
    /// Records every text each reply showed, in order (window.__texts[messageId]), so a test can check that a streamed
    /// reply only ever grew: every state a prefix of the last, nothing shown twice or dropped on the way.
    /// </summary>
    public const string RecordTexts = """
        window.__texts = {};
        new MutationObserver(() => {
          for (const reply of document.querySelectorAll('article.message.character')) {
            const text = (reply.querySelector('.content')?.textContent ?? '').trim();
            const seen = (window.__texts[reply.dataset.messageId] ??= []);
            if (seen[seen.length - 1] !== text) seen.push(text);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
        """;
}
