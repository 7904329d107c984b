using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>RFC 9457 problem responses with the API's E-code and the request's trace id.</summary>
public static class ApiProblems
{
    public const string CodeKey = "code";
    public const string TraceIdKey = "traceId";
    public const string ErrorsKey = "errors";

    /// <summary>A problem result for an endpoint to return.</summary>
    public static ProblemHttpResult Result(ApiError error, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { [CodeKey] = error.Code };
        if (errors is not null)
        {
            extensions[ErrorsKey] = errors;
        }

        return TypedResults.Problem(detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }

    /// <summary>
    /// Fills what every problem body carries: the E-code (from the status when the writer gave none), the
    /// title of that code, and the trace id that ties the response to the server's logs.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (!problem.Extensions.TryGetValue(CodeKey, out var code) || code is not string)
        {
            var error = ApiErrors.ForStatus(status);
            problem.Extensions[CodeKey] = error.Code;
            problem.Title = error.Title;
        }

        problem.Extensions[TraceIdKey] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        problem.Extensions.Remove("exception");
    }
}
