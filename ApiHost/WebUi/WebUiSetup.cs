using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace LlmMultiChat.ApiHost.WebUi;

/// <summary>
/// Serves the web UI that the build puts in <c>ClientApp/dist</c> under the content root: its files with cache
/// headers (hashed assets for a year, index.html revalidated every time), and index.html for every other path that
/// is not the API's, so the UI's own routes survive a reload. Without a build (no npm), the API runs alone.
/// </summary>
public static partial class WebUiSetup
{
    /// <summary>Where the build writes the UI, relative to the content root.</summary>
    public const string DistPath = "ClientApp/dist";

    private const string AssetsPrefix = "/assets/";
    private const string IndexFile = "index.html";

    public static bool IsBuilt(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return File.Exists(Path.Combine(environment.ContentRootPath, DistPath, IndexFile));
    }

    /// <summary>The UI's files; goes before routing so a file is served without touching the endpoints.</summary>
    public static WebApplication UseWebUiFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsBuilt(app.Environment))
        {
            WebUiLog.NotBuilt(app.Logger, DistPath);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files(app.Environment),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments(AssetsPrefix.TrimEnd('/'), StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache",
        });
        return app;
    }

    /// <summary>index.html for the UI's routes (<c>/chat/…</c>), never for the API, the hub, health, OpenAPI or docs.</summary>
    public static WebApplication MapWebUiFallback(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsBuilt(app.Environment))
        {
            return app;
        }

        var index = Files(app.Environment).GetFileInfo(IndexFile);
        app.MapFallback("{*path:nonfile}", (HttpContext http) =>
        {
            if (ServerOwned().IsMatch(http.Request.Path.Value ?? "/"))
            {
                // Left empty so the status-code pages answer with the API's problem+json 404.
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(index.PhysicalPath!, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static PhysicalFileProvider Files(IWebHostEnvironment environment) => new(Path.Combine(environment.ContentRootPath, DistPath));

    [GeneratedRegex("^/(api|hubs|health|docs|openapi)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ServerOwned();
}
