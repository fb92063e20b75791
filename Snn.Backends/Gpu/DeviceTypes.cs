using System.Runtime.CompilerServices;

namespace Snn.Backends.Gpu;

/// <summary>Checks that a model or rule struct can live in device memory: ILGPU needs unmanaged
/// structs (no reference-type fields such as strings, arrays or classes at any depth).</summary>
internal static class DeviceTypes
{
    /// <summary>Throws <see cref="NotSupportedException"/> naming <paramref name="owner"/> when
    /// <typeparamref name="T"/> holds references.</summary>
    public static void RequireUnmanaged<T>(string owner, string what)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            throw new NotSupportedException(
                $"{owner}: the {what} struct {typeof(T).Name} holds a reference-type field (string, array or class); the GPU engine needs unmanaged structs, whose fields are numbers, enums or other unmanaged structs.");
        }
    }
}
