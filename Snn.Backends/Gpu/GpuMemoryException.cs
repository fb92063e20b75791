namespace Snn.Backends.Gpu;

/// <summary>
/// Thrown at compile time when a network's device buffers do not fit the accelerator's memory (or
/// <see cref="GpuBackendOptions.DeviceMemoryLimitBytes"/>). The message lists what needs the memory.
/// </summary>
public sealed class GpuMemoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requiredBytes">Bytes the network needs on the device.</param>
    /// <param name="availableBytes">Bytes the device offers.</param>
    /// <param name="message">The full explanation, with the sizes.</param>
    public GpuMemoryException(long requiredBytes, long availableBytes, string message)
        : base(message)
    {
        RequiredBytes = requiredBytes;
        AvailableBytes = availableBytes;
    }

    /// <summary>Bytes the network needs on the device.</summary>
    public long RequiredBytes { get; }

    /// <summary>Bytes the device offers (or the configured limit).</summary>
    public long AvailableBytes { get; }
}
