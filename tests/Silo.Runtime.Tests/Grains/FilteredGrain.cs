using Silo.Filters;
using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

/// <summary>A grain that is its own incoming filter: it runs after the silo-wide filters, around its own methods.</summary>
public sealed class FilteredGrain(GrainEvents events) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<string> Echo(string text)
    {
        events.Record($"echo:{text}");
        return Task.FromResult(text);
    }

    public async ValueTask Invoke(IIncomingGrainCallContext context)
    {
        events.Record($"grain-filter-before:{context.Method.Name}");
        await context.Invoke();
        context.Result = $"[{context.Result}]";
        events.Record("grain-filter-after");
    }
}
