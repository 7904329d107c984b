using Microsoft.Extensions.FileProviders;

namespace LlmMultiChat.ApiHost.WebUi;

/// <summary>
/// Serves the web UI that the build puts in <c>ClientApp/dist</c> under the content root: its files with cache
/// headers (hashed assets for a year, index.html revalidated every time), and index.html for the UI's own routes
/// (<c>/chat/…</c>), so they survive a reload. Without a build (no npm), the API runs alone.
/// </summary>
public static class WebUiSetup
{
    /// <summary>Where the build writes the UI, relative to the content root.</summary>
    public const string DistPath = "ClientApp/dist";

    private const string IndexFile = "index.html";

    /// <summary>Paths the server answers itself; the UI never takes them over.</summary>
    private static readonly PathString[] ServerPaths = ["/api", "/hubs", "/health", "/docs", "/openapi"];

    public static bool IsBuilt(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return File.Exists(Path.Combine(environment.ContentRootPath, DistPath, IndexFile));
    }

    /// <summary>
    /// Goes before routing: a GET of a UI route (no file extension, outside <see cref="ServerPaths"/>) is answered
    /// with index.html, and files are served as they are. Doing it here rather than with a fallback endpoint keeps
    /// routing's own answers (404, 405, 415 as problem+json) for everything the UI does not own.
    /// </summary>
    public static WebApplication UseWebUiFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsBuilt(app.Environment))
        {
            WebUiLog.NotBuilt(app.Logger, DistPath);
            return app;
        }

        app.Use((context, next) =>
        {
            if (IsUiRoute(context.Request))
            {
                context.Request.Path = "/" + IndexFile;
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, DistPath)),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache",
        });
        return app;
    }

    private static bool IsUiRoute(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !Path.HasExtension(request.Path.Value)
        && !ServerPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
