using Xunit;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>The browser tests share one host and one chromium, and run one after another (the timings stay honest).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
