using System.Collections.Concurrent;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.ApiHost.Tests.Http;

public sealed class SecretLoggingTests
{
    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs_even_at_debug_level()
    {
        var logs = new CapturedLogs();
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(
            database.Settings(("Logging:LogLevel:Default", "Debug")),
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var alice = await factory.SignUpAsync("alice");
        using var anonymous = factory.CreateClient();

        using var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = alice.RefreshToken });
        var rotated = (await refreshed.ReadJsonAsync()).String("refreshToken")!;
        using var wrongLogin = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "alice", password = "Wrong-password-1" });
        using var tokenInUrl = await anonymous.PostAsync($"/hubs/chat/negotiate?negotiateVersion=1&access_token={alice.AccessToken}", null);
        using var me = await alice.Client.GetAsync("/api/v1/auth/me");

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { TestAccounts.Password, "Wrong-password-1", alice.AccessToken, alice.RefreshToken, rotated })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            _lines.Enqueue($"scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
