#if canImport(Glibc)
import Glibc
#endif

/// Memory settings for a command that runs once and exits.
enum OneShotMemory {
    /// Lets freed memory, large blocks included, be reused rather than handed back to the system.
    ///
    /// By default glibc maps each block above 128 KiB (a threshold it raises as such blocks are
    /// freed) on its own and unmaps it when freed, and gives back the top of the heap beyond
    /// 128 KiB: a monthly report of a plant, which builds and frees many large arrays, then touches
    /// fresh pages again and again, each a page fault: 23,400 of them for the JSON report of the
    /// plant-scale data set, 15,800 with this (`perf stat`, 2 cores, Debian 12), 5 % of its time.
    /// The memory goes back when the process exits a moment later. Not for the scheduler, which
    /// lives on and trims its heap before it sleeps.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // <malloc.h> is not part of the Glibc module; glibc has exported mallopt since 2.0. Its
        // parameters: M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3 (at most 32 MiB).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 256 << 20)
        _ = mallopt(-2, 64 << 20)
        #endif
    }
}
