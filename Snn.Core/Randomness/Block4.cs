namespace Snn.Core.Randomness;

/// <summary>Four 32-bit words produced by one <see cref="Philox"/> block.</summary>
/// <param name="X0">Word 0.</param>
/// <param name="X1">Word 1.</param>
/// <param name="X2">Word 2.</param>
/// <param name="X3">Word 3.</param>
public readonly record struct Block4(uint X0, uint X1, uint X2, uint X3);
