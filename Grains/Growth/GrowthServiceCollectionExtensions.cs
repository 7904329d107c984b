using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Growth;

public static class GrowthServiceCollectionExtensions
{
    /// <summary>
    /// The growth tracker character grains use, configured from <paramref name="section"/> ("Growth") and checked
    /// now, so a bad value stops the host naming the key.
    /// </summary>
    public static IServiceCollection AddGrowth(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = section.GetStrict<GrowthOptions>();
        services.TryAddSingleton(new GrowthTracker(options));
        return services;
    }
}
