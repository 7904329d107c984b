using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Tests.Characters.Cards;
using static LlmMultiChat.ApiHost.Tests.Characters.CharacterEndpoint;

namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>
/// Who may call each characters route: every route × every kind of caller × every kind of character, one cell per
/// test case. A refused call must also change nothing.
/// </summary>
public sealed class CharacterAccessTests(CharacterApiHost host) : IClassFixture<CharacterApiHost>
{
    private static readonly Caller[] Callers = [Caller.Anonymous, Caller.Guest, Caller.Owner, Caller.OtherUser, Caller.Operator, Caller.Admin];

    public static TheoryData<CharacterEndpoint, AccessSubject, Caller, int> Cells()
    {
        var cells = new TheoryData<CharacterEndpoint, AccessSubject, Caller, int>();
        void Row(CharacterEndpoint endpoint, AccessSubject subject, params int[] statuses)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                cells.Add(endpoint, subject, Callers[i], statuses[i]);
            }
        }

        //                                anonymous guest owner other operator admin
        Row(List, AccessSubject.None,         401, 200, 200, 200, 200, 200);
        Row(Create, AccessSubject.None,       401, 403, 201, 201, 201, 201);
        Row(Import, AccessSubject.None,       401, 403, 201, 201, 201, 201);
        foreach (var read in new[] { Get, Versions, Emotion, Associations, Growth, ExportJson, ExportPng, GetAvatar })
        {
            Row(read, AccessSubject.Private,  401, 404, 200, 404, 404, 200);
            Row(read, AccessSubject.Public,   401, 200, 200, 200, 200, 200);
            Row(read, AccessSubject.BuiltIn,  401, 200, 200, 200, 200, 200);
        }

        foreach (var (edit, done) in new[] { (Update, 200), (Delete, 204), (SetAvatar, 204), (RemoveAvatar, 204) })
        {
            Row(edit, AccessSubject.Private,  401, 404, done, 404, 404, done);
            Row(edit, AccessSubject.Public,   401, 403, done, 403, 403, done);
            Row(edit, AccessSubject.BuiltIn,  401, 403, 403, 403, 403, done);
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_route_answers_each_caller_as_the_rules_say(CharacterEndpoint endpoint, AccessSubject subject, Caller caller, int expected)
    {
        var id = await SubjectAsync(subject);
        var before = await StateAsync(id);
        try
        {
            using var response = await SendAsync(endpoint, id, Client(caller));

            if (expected < 400)
            {
                Assert.True((int)response.StatusCode == expected, $"{(int)response.StatusCode} instead of {expected}: {await response.Content.ReadAsStringAsync()}");
                return;
            }

            await response.AssertProblemAsync((HttpStatusCode)expected, expected switch { 401 => "E8002", 403 => "E9001", _ => "E4040" });
            Assert.Equal(before, await StateAsync(id));
        }
        finally
        {
            if (subject == AccessSubject.BuiltIn)
            {
                // The next cell needs the built-in character back if an admin cell deleted it.
                await UpstreamCharacters.SeedAsync(host.Grains);
            }
        }
    }

    private async Task<string?> SubjectAsync(AccessSubject subject)
    {
        switch (subject)
        {
            case AccessSubject.Private:
                return await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);
            case AccessSubject.Public:
                return await host.CharacterOfAsync(host.Owner, CharacterVisibility.Public);
            case AccessSubject.BuiltIn:
                var lumina = host.Grains.GetGrain<ICharacterGrain>(UpstreamCharacters.LuminaId);
                var profile = (await lumina.Profile())!;
                Assert.Equal(UpstreamCharacters.SystemOwner, profile.OwnerId);
                if (!profile.HasAvatar)
                {
                    // So that reading the avatar is about access, not about there being none.
                    await lumina.SetAvatar(TestPng.ImageWith(), UpstreamCharacters.SystemOwner);
                }

                return UpstreamCharacters.LuminaId;
            default:
                return null;
        }
    }

    /// <summary>What a refused call must leave as it was: the character (or, for routes without one, how many there are).</summary>
    private async Task<object> StateAsync(string? id)
    {
        if (id is null)
        {
            return (await host.Grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(null)).Count;
        }

        var profile = await host.ProfileAsync(id);
        var avatar = await host.Grains.GetGrain<ICharacterGrain>(id).Avatar();
        return (profile?.Version, profile?.Persona.Name, profile?.Visibility, avatar?.Length);
    }

    private HttpClient Client(Caller caller) => caller switch
    {
        Caller.Anonymous => host.Anonymous,
        Caller.Guest => host.Guest.Client,
        Caller.Owner => host.Owner.Client,
        Caller.OtherUser => host.Other.Client,
        Caller.Operator => host.Operator.Client,
        _ => host.Admin.Client,
    };

    private static async Task<HttpResponseMessage> SendAsync(CharacterEndpoint endpoint, string? id, HttpClient client)
    {
        switch (endpoint)
        {
            case List:
                return await client.GetAsync(CharacterRoutes.Characters);
            case Get:
                return await client.GetAsync(CharacterRoutes.Of(id!));
            case Create:
                return await client.PostAsJsonAsync(CharacterRoutes.Characters, new { persona = new { name = "Matrix" } });
            case Update:
                return await client.PutAsJsonAsync(CharacterRoutes.Of(id!), new { persona = new { name = "Edited" } });
            case Delete:
                return await client.DeleteAsync(CharacterRoutes.Of(id!));
            case Versions:
                return await client.GetAsync(CharacterRoutes.VersionsOf(id!));
            case Emotion:
                return await client.GetAsync(CharacterRoutes.EmotionOf(id!));
            case Associations:
                return await client.GetAsync(CharacterRoutes.AssociationsOf(id!));
            case Growth:
                return await client.GetAsync(CharacterRoutes.GrowthOf(id!));
            case Import:
                using (var card = Body(CardSamples.Utf8(CardSamples.V1), "application/json"))
                {
                    return await client.PostAsync(CharacterRoutes.Import, card);
                }

            case ExportJson:
                return await client.GetAsync(CharacterRoutes.CardOf(id!, "json"));
            case ExportPng:
                return await client.GetAsync(CharacterRoutes.CardOf(id!, "png"));
            case GetAvatar:
                return await client.GetAsync(CharacterRoutes.AvatarOf(id!));
            case SetAvatar:
                using (var image = Body(TestPng.ImageWith(("tIME", new byte[7])), "image/png"))
                {
                    return await client.PutAsync(CharacterRoutes.AvatarOf(id!), image);
                }

            case RemoveAvatar:
                return await client.DeleteAsync(CharacterRoutes.AvatarOf(id!));
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No request for this endpoint.");
        }
    }

    private static ByteArrayContent Body(byte[] content, string mediaType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return body;
    }
}
