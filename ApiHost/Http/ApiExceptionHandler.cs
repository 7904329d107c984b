using System.Text.Json;
using System.Text.RegularExpressions;
using LlmMultiChat.Grains.Characters;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LlmMultiChat.ApiHost.Http;

/// <summary>
/// The one place exceptions become responses. Expected failures map to their E-code with a detail written for
/// the client; anything else is a 500 whose detail says nothing about the internals (the log has the exception).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var (error, detail, errors) = Classify(exception);
        if (error.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path, error.Code);
        }

        httpContext.Response.StatusCode = error.Status;
        var problem = new ProblemDetails { Status = error.Status, Title = error.Title, Detail = detail };
        problem.Extensions[ApiProblems.CodeKey] = error.Code;
        if (errors is not null)
        {
            problem.Extensions[ApiProblems.ErrorsKey] = errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }

    private static (ApiError Error, string? Detail, IDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        ApiException api => (api.Error, api.Detail, api.Errors),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ApiErrors.BodyTooLarge, null, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (ApiErrors.UnsupportedMediaType, "Send the body as application/json.", null),
        BadHttpRequestException { InnerException: JsonException json } => (ApiErrors.SchemaMismatch, ShapeProblem(json), null),
        BadHttpRequestException bad => (ApiErrors.BadParameter, bad.Message, null),
        JsonException json => (ApiErrors.SchemaMismatch, ShapeProblem(json), null),
        CharacterVersionConflictException conflict => (ApiErrors.Conflict, conflict.Message, null),
        KeyNotFoundException missing => (ApiErrors.NotFound, missing.Message, null),
        UnauthorizedAccessException => (ApiErrors.Forbidden, null, null),
        ArgumentException argument and not ArgumentNullException => (ApiErrors.ValidationFailed, WithoutParameterName(argument.Message), null),
        GrainCallTimeoutException => (ApiErrors.Timeout, null, null),
        GrainStorageException or SiloUnavailableException => (ApiErrors.Unavailable, null, null),
        _ => (ApiErrors.Internal, null, null),
    };

    // The serializer's own message names .NET types; the client needs only where in its JSON the problem is.
    private static string ShapeProblem(JsonException json) =>
        json.Path is { Length: > 0 } path and not "$"
            ? $"The value at '{path}' is of the wrong type, missing, or not a known field."
            : "The body is missing required fields or has fields of the wrong type.";

    // ArgumentException appends " (Parameter 'name')", which names C# parameters, not request fields.
    private static string WithoutParameterName(string message) => ParameterSuffix().Replace(message, string.Empty);

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)$")]
    private static partial Regex ParameterSuffix();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed with {Code}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path, string code);
}
