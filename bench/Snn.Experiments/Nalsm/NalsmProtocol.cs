using System.Text.Json;
using System.Text.Json.Nodes;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The identity of a simulated NALSM protocol: which settings make a liquid's responses what they
/// are, so that saved features (<see cref="LiquidFeatureFile"/>) are only reused for the protocol
/// that produced them.
/// </summary>
public static class NalsmProtocol
{
    /// <summary>The settings that determine the liquid's responses, as JSON: the options without the
    /// readout settings and the number of workers (which do not change the responses), so that a file
    /// of features stays valid when the readout's defaults change; the summed kernel is left out, so
    /// files written with it before the kernel became a setting keep their key.</summary>
    public static string Key(NalsmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var json = JsonSerializer.SerializeToNode(options)!.AsObject();
        json.Remove(nameof(NalsmOptions.Softmax));
        json.Remove(nameof(NalsmOptions.RidgePenalty));
        json.Remove(nameof(NalsmOptions.Workers));
        if (options.Kernel == SynapticKernel.Summed)
        {
            json.Remove(nameof(NalsmOptions.Kernel));
        }
        return json.ToJsonString();
    }

    /// <summary>The settings in which two keys differ, as "name: value in the features, value in options" pairs.</summary>
    /// <param name="simulated">The key stored with the features.</param>
    /// <param name="asked">The key of the options they are evaluated with.</param>
    public static string Difference(string simulated, string asked)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(asked);
        var before = JsonNode.Parse(simulated) as JsonObject;
        var after = JsonNode.Parse(asked)!.AsObject();
        if (before is null)
        {
            return $"its key is not a JSON object: {simulated}";
        }
        var names = before.Select(p => p.Key).Union(after.Select(p => p.Key));
        return string.Join("; ", names
            .Where(name => before[name]?.ToJsonString() != after[name]?.ToJsonString())
            .Select(name => $"{name}: {before[name]?.ToJsonString() ?? "absent"} in the features, {after[name]?.ToJsonString() ?? "absent"} in options"));
    }
}
