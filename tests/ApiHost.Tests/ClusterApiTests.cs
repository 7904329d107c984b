using System.Globalization;
using System.Net;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Grains;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Silo;
using Silo.Hosting;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class ClusterApiTests
{
    private static readonly Uri Cluster = new("/api/v1/cluster", UriKind.Relative);

    [Fact]
    public async Task Cluster_lists_this_silo_from_its_snapshot()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings(("Silo:SiloName", "api-test-silo")));
        using var admin = await factory.SignUpAsync("admin");
        var client = admin.Client;

        using var response = await client.GetAsync(Cluster);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var silo = Assert.Single((await response.ReadJsonAsync()).GetProperty("silos").EnumerateArray());
        var snapshot = factory.Services.GetRequiredService<SiloHost>().GetSnapshot();
        Assert.Equal("api-test-silo", silo.String("name"));
        Assert.Equal(snapshot.Address, silo.String("address"));
        Assert.StartsWith("api-test-silo@", silo.String("address"), StringComparison.Ordinal);
        Assert.Equal(SiloHost.Version, silo.String("version"));
        Assert.Equal("Running", silo.String("status"));
        Assert.Equal(snapshot.StartedAt, DateTimeOffset.Parse(silo.String("startedAt")!, CultureInfo.InvariantCulture));
        Assert.True(silo.GetProperty("uptimeSeconds").GetDouble() >= 0);
        // The total is the sum over grain types (the seeded characters are already active).
        Assert.Equal(
            silo.GetProperty("activationsByGrainType").EnumerateObject().Sum(type => type.Value.GetInt32()),
            silo.GetProperty("activations").GetInt32());
    }

    [Fact]
    public async Task A_grain_call_shows_up_as_one_activation_of_its_grain_type()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings(), services => services.AddSiloGrain<EchoGrain>());
        using var admin = await factory.SignUpAsync("admin");
        var client = admin.Client;
        var before = await OnlySilo(client);
        Assert.Equal(0, before.GetProperty("activationsByGrainType").GetProperty(EchoGrain.TypeName).GetInt32());

        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal("hi", await grains.GetGrain<IEchoGrain>("one").Echo("hi"));

        var after = await OnlySilo(client);
        Assert.Equal(before.GetProperty("activations").GetInt32() + 1, after.GetProperty("activations").GetInt32());
        Assert.Equal(1, after.GetProperty("activationsByGrainType").GetProperty(EchoGrain.TypeName).GetInt32());
    }

    [Fact]
    public async Task Only_administrators_see_the_cluster()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings());
        using var admin = await factory.SignUpAsync("admin");
        using var user = await factory.SignUpAsync("bob");
        using var anonymous = factory.CreateClient();

        using var asUser = await user.Client.GetAsync(Cluster);
        using var asNobody = await anonymous.GetAsync(Cluster);

        Assert.Equal((HttpStatusCode.Forbidden, "E9001"), (asUser.StatusCode, (await asUser.ReadJsonAsync()).String("code")));
        Assert.Equal((HttpStatusCode.Unauthorized, "E8002"), (asNobody.StatusCode, (await asNobody.ReadJsonAsync()).String("code")));
    }

    private static async Task<JsonElement> OnlySilo(HttpClient client)
    {
        using var response = await client.GetAsync(Cluster);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await response.ReadJsonAsync()).GetProperty("silos").EnumerateArray());
    }
}
