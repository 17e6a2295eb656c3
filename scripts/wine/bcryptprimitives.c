/*
 * A stand-in for Windows' bcryptprimitives.dll, for running drugfree.exe under Wine 8,
 * which lacks it: Go (1.22 and later) loads ProcessPrng from it at start-up and stops
 * with "bcryptprimitives.dll not found" otherwise. It fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. Never shipped: only
 * scripts/wine-test.sh builds it, into a throw-away Wine prefix.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
