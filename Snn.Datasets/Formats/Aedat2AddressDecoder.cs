namespace Snn.Datasets.Formats;

/// <summary>
/// Turns a 32-bit AEDAT 2.0 address into pixel coordinates and polarity. The address layout
/// depends on the camera; <see cref="Aedat2AddressDecoders"/> has the common ones.
/// </summary>
/// <param name="address">The raw address word.</param>
/// <param name="x">The column.</param>
/// <param name="y">The row.</param>
/// <param name="polarity">True for ON.</param>
/// <returns>False when the address is not a polarity event (a special or APS/IMU event), which is then left out.</returns>
public delegate bool Aedat2AddressDecoder(uint address, out int x, out int y, out bool polarity);
