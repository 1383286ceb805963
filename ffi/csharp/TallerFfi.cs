// Ilustración: el anfitrión en C# de la biblioteca taller-ffi.
//
// El taller NO compila ni ejecuta este archivo (su CI no tiene .NET): está
// para leerlo junto al capítulo «Callbacks a través de FFI»
// (book/src/22-callback-ffi.md), que explica los errores frecuentes que evita.
// Necesita .NET 6 o posterior.
//
// Uso:
//     int doble = await TallerFfi.DuplicarAsync(21, 100);          // 42
//     using var limite = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
//     await TallerFfi.DuplicarAsync(5, 1000, limite.Token);         // TaskCanceledException

using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

public static class TallerFfi
{
    // void (*)(void *user_data, int32_t resultado), con la convención de C.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void Callback(IntPtr userData, int resultado);

    // "taller_ffi": .NET busca libtaller_ffi.so, libtaller_ffi.dylib o
    // taller_ffi.dll según el sistema.
    [DllImport("taller_ffi", CallingConvention = CallingConvention.Cdecl)]
    private static extern int taller_duplicar_tarde(
        int valor, uint retrasoMs, Callback callback, IntPtr userData);

    // Un solo delegado para todas las llamadas, en un campo estático: vive lo
    // que el programa, así que el recolector de basura no puede liberarlo
    // mientras haya un callback en camino.
    private static readonly Callback AlTerminar = AlTerminarImpl;

    // Corre en un hilo de la biblioteca de Rust, una vez por operación.
    private static void AlTerminarImpl(IntPtr userData, int resultado)
    {
        GCHandle asa = GCHandle.FromIntPtr(userData);
        var fuente = (TaskCompletionSource<int>)asa.Target!;
        asa.Free();                     // el user_data se libera aquí, una vez
        fuente.TrySetResult(resultado); // false si ya se canceló: no pasa nada
    }

    public static async Task<int> DuplicarAsync(
        int valor, uint retrasoMs, CancellationToken cancelar = default)
    {
        // RunContinuationsAsynchronously: lo que sigue al await no corre
        // dentro de TrySetResult, en el hilo de Rust, sino en el pool de .NET.
        var fuente = new TaskCompletionSource<int>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        // El user_data: un asa que mantiene viva la fuente hasta el callback.
        GCHandle asa = GCHandle.Alloc(fuente);
        if (taller_duplicar_tarde(valor, retrasoMs, AlTerminar, GCHandle.ToIntPtr(asa)) != 0)
        {
            asa.Free(); // no habrá callback: se libera aquí
            throw new InvalidOperationException("la biblioteca no aceptó la operación");
        }
        // Cancelar solo termina la Task; el callback llegará igual, y
        // TrySetResult devolverá false.
        using (cancelar.UnsafeRegister(
            static (estado, ct) => ((TaskCompletionSource<int>)estado!).TrySetCanceled(ct),
            fuente))
        {
            return await fuente.Task;
        }
    }
}
