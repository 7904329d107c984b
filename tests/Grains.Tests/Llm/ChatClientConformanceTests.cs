using System.Net;
using System.Net.Sockets;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Gateway;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

/// <summary>
/// What every <see cref="ILlmChatClient"/> must do, checked against the fake server speaking the client's protocol:
/// the request on the wire, streaming in order, thinking, usage, cancellation, and how each fault maps to a code.
/// One subclass per client.
/// </summary>
public abstract class ChatClientConformanceTests : IAsyncLifetime
{
    protected const string Provider = "under-test";

    private static readonly LlmChatRequest s_conversation = new(
        "qwen2.5:3b",
        [
            new LlmMessage(LlmRole.System, "You are Aiko, a cheerful guide."),
            new LlmMessage(LlmRole.User, "Hello!"),
            new LlmMessage(LlmRole.Assistant, "Hi! How can I help?"),
            new LlmMessage(LlmRole.User, "Tell me about Kyoto"),
        ]);

    protected FakeLlmServer Server { get; private set; } = new();

    protected ILlmChatClient Client { get; private set; } = null!;

    /// <summary>The connection pool the clients use, set up as the gateway sets up its own (no timeout, no draining).</summary>
    private HttpClient Http { get; set; } = null!;

    /// <summary>The protocol's name in configuration (Llm:Providers:&lt;name&gt;:Protocol).</summary>
    protected abstract string Protocol { get; }

    /// <summary>The client under test, speaking to <paramref name="baseUrl"/> (the fake's root or its OpenAI root).</summary>
    protected abstract ILlmChatClient CreateClient(Uri baseUrl, HttpClient http);

    /// <summary>The base URL a provider of this protocol is configured with for <paramref name="server"/>.</summary>
    protected abstract Uri BaseUrl(FakeLlmServer server);

    /// <summary>Checks the protocol's own field names for temperature 0.25, top_p 0.5, 42 max tokens and stop ["END", "###"].</summary>
    protected abstract void AssertSamplingFieldNames(FakeRequest request);

    public virtual async Task InitializeAsync()
    {
        await Server.StartAsync();
        Http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { Timeout = Timeout.InfiniteTimeSpan };
        Client = CreateClient(BaseUrl(Server), Http);
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    [Fact]
    public async Task The_request_carries_the_model_and_every_message_with_its_role_in_order()
    {
        await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        var request = Assert.Single(Server.ChatRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("qwen2.5:3b", request.Model);
        Assert.True(request.Stream, "The client must ask for a streamed reply.");
        Assert.Equal(
            [
                new FakeMessage("system", "You are Aiko, a cheerful guide."),
                new FakeMessage("user", "Hello!"),
                new FakeMessage("assistant", "Hi! How can I help?"),
                new FakeMessage("user", "Tell me about Kyoto"),
            ],
            request.Messages);
    }

    [Fact]
    public async Task Sampling_settings_are_sent_under_the_protocols_own_names()
    {
        var request = s_conversation with { Temperature = 0.25, TopP = 0.5, MaxTokens = 42, Stop = ["END", "###"] };

        await Client.StreamChatAsync(request, CancellationToken.None).ReadAllOrFail("the reply");

        var sent = Assert.Single(Server.ChatRequests);
        Assert.Equal(0.25, sent.Temperature);
        Assert.Equal(0.5, sent.TopP);
        Assert.Equal(42, sent.MaxTokens);
        Assert.Equal(["END", "###"], sent.Stop);
        AssertSamplingFieldNames(sent);
    }

    [Fact]
    public async Task Unset_sampling_settings_are_left_to_the_provider()
    {
        await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        var sent = Assert.Single(Server.ChatRequests);
        Assert.Null(sent.Temperature);
        Assert.Null(sent.TopP);
        Assert.Null(sent.MaxTokens);
        Assert.Empty(sent.Stop);
    }

    [Fact]
    public async Task Tokens_arrive_in_order_and_concatenate_to_the_scripted_text()
    {
        string[] tokens = ["Kyoto", " has", " 1,600", " temples", " — ", "京都", "は", "美しい", "です。"];
        Server.Enqueue(FakeReply.FromTokens(tokens));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Null(reply.Error);
        Assert.Equal(tokens, reply.Tokens);
        Assert.Equal(string.Concat(tokens), reply.Text);
        Assert.IsType<LlmCompleted>(reply.Items[^1]);
        Assert.Equal("stop", reply.Completed!.FinishReason);
        Assert.Equal(Provider, reply.Completed.Provider);
        Assert.Equal("qwen2.5:3b", reply.Completed.Model);
        Assert.False(reply.Completed.UsedFallback);
    }

    [Fact]
    public async Task Tokens_are_yielded_as_they_arrive_not_when_the_reply_ends()
    {
        Server.Enqueue(FakeReply.Text("one two three").StallAfter(2));
        using var cancel = new CancellationTokenSource();
        await using var items = Client.StreamChatAsync(s_conversation, cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.Equal(new LlmToken("one"), await items.NextOrFail("the first token while the server holds the rest"));
        Assert.Equal(new LlmToken(" two"), await items.NextOrFail("the second token while the server holds the rest"));
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task Thinking_is_separated_from_the_answer()
    {
        Server.Enqueue(FakeReply.Text("Kyoto was the capital.").WithThinking("The user asks about Kyoto. Keep it short."));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Equal("The user asks about Kyoto. Keep it short.", reply.Thinking);
        Assert.Equal("Kyoto was the capital.", reply.Text);
        var firstToken = reply.Items.ToList().FindIndex(i => i is LlmToken);
        Assert.True(reply.Items.Take(firstToken).All(i => i is LlmThinking), "Thinking comes before the answer.");
        Assert.DoesNotContain(reply.Items.Skip(firstToken), i => i is LlmThinking);
    }

    [Fact]
    public async Task A_leading_think_section_in_the_content_becomes_thinking_even_split_across_tokens()
    {
        Server.Enqueue(FakeReply.FromTokens("<th", "ink>", "Plan", " the answer", "</thi", "nk>", "\n\n", "Kyoto", " is old."));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Equal("Plan the answer", reply.Thinking);
        Assert.Equal("Kyoto is old.", reply.Text);
    }

    [Fact]
    public async Task Usage_counts_arrive_with_the_completion()
    {
        Server.Enqueue(FakeReply.Text("Short answer.").WithUsage(promptTokens: 117, completionTokens: 3));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Equal(117, reply.Completed!.PromptTokens);
        Assert.Equal(3, reply.Completed.CompletionTokens);
    }

    [Fact]
    public async Task A_reply_cut_by_the_token_limit_reports_length()
    {
        var reply = await Client.StreamChatAsync(s_conversation with { MaxTokens = 2 }, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Equal(2, reply.Tokens.Count);
        Assert.Equal("length", reply.Completed!.FinishReason);
    }

    [Fact]
    public async Task Cancelling_mid_stream_aborts_the_http_request()
    {
        Server.Enqueue(FakeReply.Text("one two three four").StallAfter(2));
        using var cancel = new CancellationTokenSource();
        var reply = Client.StreamChatAsync(s_conversation, cancel.Token).GetAsyncEnumerator(cancel.Token);
        await reply.NextOrFail("the first token");
        await reply.NextOrFail("the second token");

        var next = reply.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitOrFail("the cancelled read"));
        await reply.DisposeAsync();
        var request = Assert.Single(Server.ChatRequests);
        await request.ClientDisconnected.WaitOrFail("the fake server to see the client go away");
        Assert.Equal(2, request.TokensSent);
    }

    [Fact]
    public async Task Abandoning_the_stream_without_cancelling_closes_the_connection()
    {
        Server.Enqueue(FakeReply.Text("one two three four").StallAfter(2));
        await using (var reply = Client.StreamChatAsync(s_conversation, CancellationToken.None).GetAsyncEnumerator())
        {
            await reply.NextOrFail("the first token");
        }

        await Assert.Single(Server.ChatRequests).ClientDisconnected.WaitOrFail("the fake server to see the client go away");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(404)]
    public async Task An_error_status_maps_to_unavailable_before_the_first_token(int status)
    {
        Server.Enqueue(FakeReply.Error(status, "model is overloaded"));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the failed reply");

        var error = Assert.IsType<LlmHttpException>(reply.Error);
        Assert.Equal(LlmErrorCodes.Unavailable, error.Code);
        Assert.Equal(status, error.StatusCode);
        Assert.False(error.AfterFirstToken);
        Assert.Contains("model is overloaded", error.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Items);
    }

    [Fact]
    public async Task A_connection_cut_mid_stream_maps_to_stream_cut_after_the_first_token()
    {
        Server.Enqueue(FakeReply.Text("one two three four").CutAfter(2));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the cut reply");

        Assert.Equal(["one", " two"], reply.Tokens);
        Assert.Equal(LlmErrorCodes.StreamCut, reply.LlmError.Code);
        Assert.True(reply.LlmError.AfterFirstToken);
        Assert.True(Assert.Single(Server.ChatRequests).CutByServer);
    }

    [Fact]
    public async Task A_connection_cut_before_any_token_maps_to_stream_cut_before_the_first_token()
    {
        Server.Enqueue(FakeReply.Text("one two").CutAfter(0));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the cut reply");

        Assert.Empty(reply.Items);
        Assert.Equal(LlmErrorCodes.StreamCut, reply.LlmError.Code);
        Assert.False(reply.LlmError.AfterFirstToken);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public async Task A_response_that_ends_without_its_final_message_maps_to_stream_cut(int afterTokens, bool afterFirstToken)
    {
        Server.Enqueue(FakeReply.Text("one two three").EndEarlyAfter(afterTokens));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the short reply");

        Assert.Equal(afterTokens, reply.Tokens.Count);
        Assert.Equal(LlmErrorCodes.StreamCut, reply.LlmError.Code);
        Assert.Equal(afterFirstToken, reply.LlmError.AfterFirstToken);
        Assert.True(Assert.Single(Server.ChatRequests).Completed, "The fake ended the response cleanly; only the protocol's end was missing.");
    }

    [Fact]
    public async Task A_connection_dropped_before_the_response_maps_to_unavailable()
    {
        Server.Enqueue(FakeReply.Echo.Dropped());

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the dropped reply");

        Assert.Equal(LlmErrorCodes.Unavailable, reply.LlmError.Code);
        Assert.False(reply.LlmError.AfterFirstToken);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_maps_to_unavailable()
    {
        var client = CreateClient(BaseUrl(new Uri($"http://127.0.0.1:{ClosedPort()}/")), Http);

        var reply = await client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the refused reply");

        Assert.Equal(LlmErrorCodes.Unavailable, reply.LlmError.Code);
        Assert.False(reply.LlmError.AfterFirstToken);
        Assert.IsNotType<LlmHttpException>(reply.Error);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public async Task Malformed_json_maps_to_a_protocol_error(int afterTokens, bool afterFirstToken)
    {
        Server.Enqueue(FakeReply.Text("one two three").MalformedAfter(afterTokens));

        var reply = await Client.StreamChatAsync(s_conversation, CancellationToken.None).ReadAllOrFail("the malformed reply");

        Assert.Equal(afterTokens, reply.Tokens.Count);
        Assert.Equal(LlmErrorCodes.Protocol, reply.LlmError.Code);
        Assert.Equal(afterFirstToken, reply.LlmError.AfterFirstToken);
        Assert.IsNotType<System.Text.Json.JsonException>(reply.Error);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public async Task A_stall_ends_in_a_timeout_through_the_gateway(int afterTokens, bool afterFirstToken)
    {
        var clock = new ManualTimeProvider();
        using var gateway = new LlmGateway(
            new LlmOptions
            {
                DefaultModel = $"{Provider}:qwen2.5:3b",
                Providers = { [Provider] = new LlmProviderOptions { BaseUrl = BaseUrl(Server).ToString(), Protocol = Protocol } },
                Retry = { MaxRetries = 0 },
                Timeouts = { FirstToken = TimeSpan.FromSeconds(20), BetweenTokens = TimeSpan.FromSeconds(10) },
            },
            clock);
        Server.Enqueue(FakeReply.Text("one two three").StallAfter(afterTokens));

        var reading = gateway.StreamAsync(null, s_conversation, CancellationToken.None).ReadAllAsync();
        var silence = afterFirstToken ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(20);
        await clock.WhenTimerArmed(silence, occurrence: afterFirstToken ? afterTokens : 1).WaitOrFail("the watchdog to be armed for the stalled piece");
        await Server.WaitForRequestAsync(1).WaitOrFail("the request to reach the server");
        clock.Advance(silence);
        var reply = await reading.WaitOrFail("the stalled reply to time out");

        Assert.Equal(afterTokens, reply.Tokens.Count);
        Assert.Equal(LlmErrorCodes.Timeout, reply.LlmError.Code);
        Assert.Equal(afterFirstToken, reply.LlmError.AfterFirstToken);
        await Server.ChatRequests[0].ClientDisconnected.WaitOrFail("the fake server to see the timed-out request aborted");
    }

    /// <summary>Points the client at another server (the base URL shape of this protocol).</summary>
    protected abstract Uri BaseUrl(Uri serverRoot);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
