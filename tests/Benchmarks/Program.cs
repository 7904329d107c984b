using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Benchmarks;
using Benchmarks.Http;
using Benchmarks.Hub;
using Benchmarks.Memory;
using Benchmarks.Micro;
using Benchmarks.Scenarios;

// dotnet run -c Release --project tests/Benchmarks -- [calls|activations|memory|sqlite|streaming|all] [seconds-per-call-run]
// dotnet run -c Release --project tests/Benchmarks -- micro      (BenchmarkDotNet, in process: grain calls)
// dotnet run -c Release --project tests/Benchmarks -- jwt        (BenchmarkDotNet, in process: access-token validation)
// dotnet run -c Release --project tests/Benchmarks -- http [seconds]   (ApiHost under wrk; needs apt-get install -y wrk)
// dotnet run -c Release --project tests/Benchmarks -- ttft   (time to first token: fake LLM direct vs ApiHost SSE and SignalR)
// dotnet run -c Release --project tests/Benchmarks -- signalr-idle [connections, default 2000]
// dotnet run -c Release --project tests/Benchmarks -- vector-search   (top-10 over 100,000 memories of 256 dims)
// dotnet run -c Release --project tests/Benchmarks -- associations    (depth-3 retrieval, 10,000 concepts, 100,000 edges)
// dotnet run -c Release --project tests/Benchmarks -- ttft-memory   (time to first token with 0 and 100,000 memories held by the character)
// dotnet run -c Release --project tests/Benchmarks -- memory-recall   (a character's Recollect and Remember at 0 and 100,000 memories)
var scenario = args.Length > 0 ? args[0] : "all";
if (scenario is "micro" or "jwt")
{
    var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
    _ = scenario == "micro" ? BenchmarkRunner.Run<CallBenchmarks>(config) : BenchmarkRunner.Run<JwtValidationBenchmarks>(config);
    return;
}

if (scenario == BareApiServer.Mode)
{
    // A child process of the http scenario: the baseline server.
    await BareApiServer.RunAsync(new Uri(args[1]), args[2]);
    return;
}

if (scenario == SignalRIdleClients.Mode)
{
    await SignalRIdleClients.RunAsync(args[1..]);
    return;
}

if (scenario == "signalr-idle")
{
    Report.Machine();
    await SignalRIdle.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (scenario == MemoryRecall.Mode)
{
    Report.Machine();
    await MemoryRecall.RunAsync();
    return;
}

if (scenario is VectorSearch.Mode or AssociationRetrieval.Mode)
{
    Report.Machine();
    if (scenario == VectorSearch.Mode)
    {
        VectorSearch.Run(memories: 100_000, queries: 1_000);
    }
    else
    {
        AssociationRetrieval.Run(concepts: 10_000, edges: 100_000, queries: 1_000);
    }

    return;
}

var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
Report.Machine();
if (scenario is "calls" or "all")
{
    await CallThroughput.RunAsync(TimeSpan.FromSeconds(seconds));
}

if (scenario is "activations" or "all")
{
    await Activations.RunAsync(200_000);
}

if (scenario is "memory" or "all")
{
    await IdleMemory.RunAsync(1_000_000);
}

if (scenario is "sqlite" or "all")
{
    await SqliteWrites.RunAsync(rounds: 9);
}

if (scenario == RestThroughput.Mode)
{
    await RestThroughput.RunAsync(TimeSpan.FromSeconds(args.Length > 1 ? seconds : 10));
}

if (scenario == TimeToFirstToken.Mode)
{
    await TimeToFirstToken.RunAsync(samples: 200);
}

if (scenario == TimeToFirstToken.MemoryMode)
{
    await TimeToFirstToken.RunWithMemoriesAsync(samples: 200);
}

if (scenario is "streaming" or "all")
{
    await ConversationStreaming.RunAsync(samples: 100, concurrentStreams: 200);
}
