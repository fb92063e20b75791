namespace Snn.Backends.Gpu;

/// <summary>The names of <see cref="GpuAccelerator"/> values on command lines and in environment
/// variables: <c>auto</c>, <c>cuda</c>, <c>opencl</c>, <c>cpu</c> (case-insensitive).</summary>
public static class GpuAcceleratorNames
{
    /// <summary>Every name, in the order of <see cref="GpuAccelerator"/>.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<GpuAccelerator>().Select(Name).ToArray();

    /// <summary>The lower-case name of <paramref name="accelerator"/>.</summary>
    public static string Name(GpuAccelerator accelerator) => accelerator.ToString().ToLowerInvariant();

    /// <summary>The accelerator called <paramref name="name"/> (case-insensitive, surrounding blanks ignored).</summary>
    /// <param name="name">One of <see cref="All"/>.</param>
    /// <param name="parameterName">What the name came from (an option or a variable), for the error message.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is none of <see cref="All"/>.</exception>
    public static GpuAccelerator Parse(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var accelerator in Enum.GetValues<GpuAccelerator>())
        {
            if (string.Equals(Name(accelerator), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return accelerator;
            }
        }
        throw new ArgumentException($"{parameterName} = '{name}' is not an accelerator; use one of {string.Join(", ", All)}.", parameterName);
    }
}
