#!/bin/sh
# Checks the per-instruction-set kernel objects (engine/CMakeLists.txt):
#   kernel_objects.sh generic=a.o:b.o avx2=c.o:d.o ...
# 1. every symbol an object defines for the linker (global or weak) belongs to
#    cs::kernels::<isa> — an inline function outside it, compiled for AVX2 in
#    one object and for SSE2 in another, could be merged into the wrong path;
# 2. the generic objects contain no VEX/EVEX instruction (no AVX at all) and
#    the avx2 ones no AVX-512 register, whatever the global -march is.
status=0
for spec in "$@"; do
    isa=${spec%%=*}
    objects=$(echo "${spec#*=}" | tr ':' ' ')
    for obj in $objects; do
        name=$(basename "$obj")
        bad=0
        # Mangled, a name from that namespace (or a template instantiated on
        # one of its types, which is as unique) contains 2cs7kernels<length><isa>.
        # DW.ref.__gxx_personality_v0 is not code: the hidden weak pointer to
        # the C++ exception personality routine that an object with cleanups
        # carries in some builds (TSan's), the same in every path.
        outside=$(nm --defined-only --extern-only "$obj" | awk '{ print $3 }' |
                  grep -v "2cs7kernels${#isa}${isa}" | grep -v '^DW\.ref\.__gxx_personality_v0$' | c++filt)
        if [ -n "$outside" ]; then
            echo "FAIL $isa/$name defines symbols outside cs::kernels::$isa:"
            echo "$outside" | sed 's/^/    /'
            bad=1
        fi
        case $isa in
        generic) pattern='^ *[0-9a-f]+:[[:space:]]+v[a-z0-9]+ ' ;;
        avx2) pattern='%zmm|\{%k[0-7]\}' ;;
        *) pattern='' ;;
        esac
        if [ -n "$pattern" ]; then
            found=$(objdump -d --no-show-raw-insn "$obj" | grep -E "$pattern" | head -3)
            if [ -n "$found" ]; then
                echo "FAIL $isa/$name has instructions beyond its instruction set:"
                echo "$found" | sed 's/^/    /'
                bad=1
            fi
        fi
        if [ $bad -eq 0 ]; then echo "ok   $isa/$name"; else status=1; fi
    done
done
exit $status
