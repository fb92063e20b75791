using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator emits its kernel launchers into a dynamic assembly named "ILGPURuntime";
// the engine's kernel parameter structs are internal, so that assembly must see them.
[assembly: InternalsVisibleTo("ILGPURuntime")]
