using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Tests.Http;

public sealed class DomainErrorsTests
{
    [Fact]
    public void A_follower_that_fell_behind_is_a_503_that_tells_the_client_to_resume()
    {
        var (error, detail, _) = DomainErrors.Classify(ConversationFollowerBehindException.For("c-1", 1024));

        Assert.Equal(ApiErrors.Unavailable, error);
        Assert.Contains("resume from the last sequence number", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_exception_is_a_500_without_detail()
    {
        var (error, detail, errors) = DomainErrors.Classify(new InvalidOperationException("internal state we must not show"));

        Assert.Equal(ApiErrors.Internal, error);
        Assert.Null(detail);
        Assert.Null(errors);
    }
}
