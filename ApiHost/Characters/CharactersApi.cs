using System.Security.Claims;
using System.Text;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;
using LlmMultiChat.Grains.Memory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>
/// Characters: list, read, create, edit, delete, their versions, card import and export, and avatars. Who may do
/// what is <see cref="CharacterAuthorizationHandler"/>'s decision; a character the caller may not see is "not found".
/// </summary>
public static class CharactersApi
{
    private const string NoSuchCharacter = "No such character.";
    private const string PngMediaType = "image/png";
    private const string JsonMediaType = "application/json";
    private const int DefaultAssociationDepth = 2;
    private const int DefaultAssociationNodes = 50;

    private static readonly Dictionary<string, CharacterVisibility> Visibilities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["private"] = CharacterVisibility.Private,
        ["public"] = CharacterVisibility.Public,
    };

    private static readonly Dictionary<string, string> CardFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = JsonMediaType,
        ["png"] = PngMediaType,
    };

    private static readonly Dictionary<string, CardSpec> CardSpecs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v2"] = CardSpec.V2,
        ["v3"] = CardSpec.V3,
    };

    public static IEndpointRouteBuilder MapCharactersApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // A card upload may be as large as the importer accepts (a PNG card carries its image), not the JSON limit.
        var cardLimits = routes.ServiceProvider.GetRequiredService<IOptions<CharacterCardOptions>>().Value;
        var characters = routes.MapGroup("/characters").WithTags("Characters").ProducesProblem(StatusCodes.Status401Unauthorized);

        characters.MapGet("/", List).WithName("ListCharacters")
            .WithSummary("Lists the characters the caller may see (public ones and their own; admins see all), by name.");
        characters.MapGet("/{id}", Get).WithName("GetCharacter")
            .WithSummary("A character's current persona, owner, visibility and version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapPost("/", Create).WithName("CreateCharacter").RequireAuthorization(Policies.Writer)
            .WithSummary("Creates a character owned by the caller (private unless said otherwise).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        characters.MapPut("/{id}", Update).WithName("UpdateCharacter")
            .WithSummary("Replaces the persona (a new version) and optionally the visibility; expectedVersion guards against a concurrent edit.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        characters.MapDelete("/{id}", Delete).WithName("DeleteCharacter")
            .WithSummary("Deletes the character, its versions and its avatar; the id can be used again.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapGet("/{id}/emotion", Emotion).WithName("GetCharacterEmotion")
            .WithSummary("The character's emotions now (Plutchik's eight, decayed toward its baseline), the dominant one and its tone, and the day's mood trend.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapGet("/{id}/associations", Associations).WithName("GetCharacterAssociations")
            .WithSummary("The character's associative memory around a concept (or its most connected one): concepts with path strengths and hops, and the edges among them, for a 3D view.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapGet("/{id}/growth", Growth).WithName("GetCharacterGrowth")
            .WithSummary("The character's experience, level, the experience of the next level, its KPI counts, and what its level unlocked and changed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapGet("/{id}/versions", Versions).WithName("ListCharacterVersions")
            .WithSummary("Every version of the persona, oldest first, with who made it and when.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapPost("/import", Import).WithName("ImportCharacterCard").RequireAuthorization(Policies.Writer)
            .WithMetadata(new BodySizeLimit(Math.Max(cardLimits.MaxPngBytes, cardLimits.MaxJsonBytes)))
            .Accepts<Stream>(JsonMediaType, PngMediaType)
            .WithSummary("Creates a character from a SillyTavern card (V1, V2 or V3 JSON, or a PNG carrying one; the PNG becomes the avatar).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        characters.MapGet("/{id}/card", ExportCard).WithName("ExportCharacterCard")
            .WithSummary("The character as a card: V2 or V3 JSON, or a PNG (its avatar, or a generated placeholder) carrying both.")
            .Produces<Stream>(StatusCodes.Status200OK, JsonMediaType, PngMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapGet("/{id}/avatar", GetAvatar).WithName("GetCharacterAvatar")
            .WithSummary("The character's avatar (PNG).")
            .Produces<Stream>(StatusCodes.Status200OK, PngMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        characters.MapPut("/{id}/avatar", SetAvatar).WithName("SetCharacterAvatar")
            .WithMetadata(new BodySizeLimit(CharacterGrain.MaxAvatarBytes))
            .Accepts<Stream>(PngMediaType)
            .WithSummary("Sets the character's avatar (a PNG image).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        characters.MapDelete("/{id}/avatar", RemoveAvatar).WithName("RemoveCharacterAvatar")
            .WithSummary("Removes the character's avatar.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<CharacterListResponse>> List(ClaimsPrincipal caller, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(grains);
        var viewer = caller.IsAdmin() ? null : caller.UserId();
        var visible = await grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(viewer).ConfigureAwait(false);
        return TypedResults.Ok(new CharacterListResponse([.. visible.Select(CharacterListItem.From)]));
    }

    public static async Task<Ok<CharacterMood>> Emotion(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        return TypedResults.Ok(await character.Mood().ConfigureAwait(false) ?? throw new ApiException(ApiErrors.NotFound, NoSuchCharacter));
    }

    public static async Task<Ok<GrowthProgress>> Growth(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        return TypedResults.Ok(await character.Growth().ConfigureAwait(false) ?? throw new ApiException(ApiErrors.NotFound, NoSuchCharacter));
    }

    /// <param name="center">The concept to start from; absent or empty: the character's most connected concept.</param>
    /// <param name="depth">Hops from the centre, 1 to Associations:MaxDepth (3).</param>
    /// <param name="threshold">The weakest edge followed and shown, 0 to 1; absent: Associations:DefaultThreshold (0.3).</param>
    /// <param name="maxNodes">The most concepts in the view, the centre included, 1 to Associations:MaxViewNodes (200).</param>
    public static async Task<Ok<AssociationView>> Associations(
        string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, AssociationOptions options,
        string? center = null, int depth = DefaultAssociationDepth, double? threshold = null, int maxNodes = DefaultAssociationNodes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var minimum = threshold ?? options.DefaultThreshold;
        new FieldErrors()
            .Check("depth", depth < 1 || depth > options.MaxDepth ? $"depth must be between 1 and {options.MaxDepth}." : null)
            .Check("threshold", minimum is >= 0 and <= 1 ? null : "threshold must be between 0 and 1.")
            .Check("maxNodes", maxNodes < 1 || maxNodes > options.MaxViewNodes ? $"maxNodes must be between 1 and {options.MaxViewNodes}." : null)
            .ThrowIfAny();
        var (character, _) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        return TypedResults.Ok(await character.Associations(center, depth, minimum, maxNodes, caller.UserId()).ConfigureAwait(false) ?? throw new ApiException(ApiErrors.NotFound, NoSuchCharacter));
    }

    public static async Task<Ok<CharacterResponse>> Get(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (_, profile) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        return TypedResults.Ok(CharacterResponse.From(profile));
    }

    public static async Task<Created<CharacterResponse>> Create(CreateCharacterRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        var persona = request.Persona.ToPersona(sourceCard: null);
        var personaProblem = PersonaValidation.Problem(persona, "persona");
        new FieldErrors()
            .Check("id", request.Id is null ? null : CharacterIds.Problem(request.Id))
            .Check(personaProblem?.Field ?? "persona", personaProblem?.Problem)
            .ThrowIfAny();
        var created = await CharacterCreation.CreateAsync(grains, request.Id, persona, request.Visibility, avatar: null, caller.UserId()).ConfigureAwait(false);
        return Created(created);
    }

    /// <summary>
    /// A save: the persona becomes a new version unless it is unchanged, then the visibility changes when asked to.
    /// The imported card the persona came from is kept, so export still returns what the editor does not show.
    /// </summary>
    public static async Task<Ok<CharacterResponse>> Update(string id, UpdateCharacterRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (character, profile) = await FindAsync(id, CharacterOperations.Edit, caller, grains, authorization).ConfigureAwait(false);
        var persona = request.Persona.ToPersona(profile.Persona.SourceCard);
        PersonaValidation.ThrowIfInvalid(persona, "persona");
        if (request.ExpectedVersion is { } expected && expected != profile.Version)
        {
            throw new CharacterVersionConflictException(id, expected, profile.Version);
        }

        var editor = caller.UserId();
        if (!persona.Equals(profile.Persona))
        {
            // The grain checks the version again, atomically with the write, for an edit that lands in between.
            profile = await character.Update(persona, editor, request.ExpectedVersion).ConfigureAwait(false);
        }

        if (request.Visibility is { } wanted && wanted != profile.Visibility)
        {
            profile = await character.SetVisibility(wanted, editor).ConfigureAwait(false);
        }

        return TypedResults.Ok(CharacterResponse.From(profile));
    }

    public static async Task<NoContent> Delete(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Edit, caller, grains, authorization).ConfigureAwait(false);
        await character.Delete(caller.UserId()).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CharacterVersionsResponse>> Versions(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        var versions = await character.Versions().ConfigureAwait(false);
        return TypedResults.Ok(new CharacterVersionsResponse([.. versions.Select(CharacterVersionResponse.From)]));
    }

    /// <param name="id">The new character's id; when left out, one is made from the card's name.</param>
    /// <param name="visibility">public or private (the default).</param>
    public static async Task<Created<CharacterResponse>> Import(
        HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains, CharacterCards cards, string? id = null, string? visibility = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cards);
        if (id is not null && CharacterIds.Problem(id) is { } idProblem)
        {
            throw new ApiException(ApiErrors.BadParameter, idProblem);
        }

        var chosenVisibility = Choice(visibility, "visibility", Visibilities, CharacterVisibility.Private);
        var png = IsPng(request);
        if (!png && !request.HasJsonContentType())
        {
            throw new ApiException(ApiErrors.UnsupportedMediaType, $"Send the card as {JsonMediaType} or {PngMediaType}.");
        }

        var content = await ReadBodyAsync(request).ConfigureAwait(false);
        ImportedCard card;
        try
        {
            card = png ? cards.ImportPng(content) : cards.ImportJson(content);
        }
        catch (CharacterCardException refused)
        {
            throw refused.Code == CharacterCardErrorCodes.TooLarge
                ? new ApiException(ApiErrors.BodyTooLarge, refused.Message)
                : ApiException.Validation("card", refused.Message);
        }

        // The importer's limits are a card's; the persona's own (PersonaRules) are tighter.
        PersonaValidation.ThrowIfInvalid(card.Persona, "card");
        var created = await CharacterCreation.CreateAsync(grains, id, card.Persona, chosenVisibility, card.Avatar, caller.UserId()).ConfigureAwait(false);
        return Created(created);
    }

    /// <param name="format">json (the default) or png.</param>
    /// <param name="spec">For JSON: v2 (the default) or v3. A PNG always carries both.</param>
    public static async Task<FileContentHttpResult> ExportCard(
        string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization, CharacterCards cards, string? format = null, string? spec = null)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var mediaType = Choice(format, "format", CardFormats, JsonMediaType);
        var cardSpec = Choice(spec, "spec", CardSpecs, CardSpec.V2);
        var (character, profile) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        if (mediaType == PngMediaType)
        {
            // Without an avatar the exporter draws a placeholder, so every character can leave as a PNG card.
            var avatar = await character.Avatar().ConfigureAwait(false);
            return TypedResults.File(cards.ExportPng(profile.Persona, avatar), PngMediaType, $"{profile.Id}.png");
        }

        var json = cards.ExportJson(profile.Persona, cardSpec);
        return TypedResults.File(Encoding.UTF8.GetBytes(json), JsonMediaType, $"{profile.Id}.json");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAvatar(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Read, caller, grains, authorization).ConfigureAwait(false);
        return await character.Avatar().ConfigureAwait(false) is { } png
            ? TypedResults.File(png, PngMediaType)
            : ApiProblems.Result(ApiErrors.NotFound, "This character has no avatar.");
    }

    public static async Task<NoContent> SetAvatar(string id, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsPng(request))
        {
            throw new ApiException(ApiErrors.UnsupportedMediaType, $"Send the avatar as {PngMediaType}.");
        }

        var (character, _) = await FindAsync(id, CharacterOperations.Edit, caller, grains, authorization).ConfigureAwait(false);
        // The grain refuses what is not a PNG (ArgumentException: 400).
        await character.SetAvatar(await ReadBodyAsync(request).ConfigureAwait(false), caller.UserId()).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveAvatar(string id, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        var (character, _) = await FindAsync(id, CharacterOperations.Edit, caller, grains, authorization).ConfigureAwait(false);
        await character.SetAvatar(null, caller.UserId()).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>The character, when the caller may do <paramref name="operation"/> to it (else 404 or 403).</summary>
    private static async Task<(ICharacterGrain Character, CharacterProfile Profile)> FindAsync(
        string id, OperationAuthorizationRequirement operation, ClaimsPrincipal caller, IGrainFactory grains, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var character = grains.GetGrain<ICharacterGrain>(id);
        // An id that breaks the pattern names no character; asking would only activate a grain for nothing.
        var profile = CharacterIds.IsValid(id) ? await character.Profile().ConfigureAwait(false) : null;
        return (character, await authorization.RequireAsync(caller, profile, operation, NoSuchCharacter).ConfigureAwait(false));
    }

    private static Created<CharacterResponse> Created(CharacterProfile profile) =>
        TypedResults.Created($"/api/v1/characters/{profile.Id}", CharacterResponse.From(profile));

    private static T Choice<T>(string? value, string parameter, Dictionary<string, T> choices, T absent)
    {
        if (value is null)
        {
            return absent;
        }

        return choices.TryGetValue(value, out var chosen)
            ? chosen
            : throw new ApiException(ApiErrors.BadParameter, $"{parameter} must be one of: {string.Join(", ", choices.Keys)}.");
    }

    private static bool IsPng(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(PngMediaType, StringComparison.OrdinalIgnoreCase);

    // RequestBodyGuard has already held the body to the endpoint's BodySizeLimit (and the server enforces it while reading).
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
