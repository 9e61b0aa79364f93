#include "engine/plan/arc_pricing.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace fairmatch {
namespace {

#if defined(__x86_64__)
// Four arcs at a time: the potentials by gather, the state's sign by masks
// (AVX2 has no 64-bit multiply). Each lane keeps its smallest value below
// `min` and the first arc with it.
__attribute__((target("avx2"))) void ScanArcsAvx2(const ArcArrays& arcs,
                                                  int from, int to,
                                                  std::int64_t& min,
                                                  int& in_arc) {
  const auto* pi = reinterpret_cast<const long long*>(arcs.potential);
  const __m256i zero = _mm256_setzero_si256();
  const __m256i four = _mm256_set1_epi64x(4);
  __m256i lane_min = _mm256_set1_epi64x(min);
  __m256i lane_arc = _mm256_set1_epi64x(-1);
  __m256i index = _mm256_setr_epi64x(from, from + 1, from + 2, from + 3);
  int i = from;
  for (; i + 4 <= to; i += 4) {
    const __m128i s =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(arcs.source + i));
    const __m128i t =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(arcs.target + i));
    const __m256i cost =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(arcs.cost + i));
    int state4;
    __builtin_memcpy(&state4, arcs.state + i, sizeof state4);
    const __m256i state = _mm256_cvtepi8_epi64(_mm_cvtsi32_si128(state4));
    __m256i x = _mm256_sub_epi64(
        _mm256_add_epi64(cost, _mm256_i32gather_epi64(pi, s, 8)),
        _mm256_i32gather_epi64(pi, t, 8));
    // x * state: negated where state is -1, zero where it is 0.
    const __m256i negative = _mm256_cmpgt_epi64(zero, state);
    x = _mm256_sub_epi64(_mm256_xor_si256(x, negative), negative);
    x = _mm256_andnot_si256(_mm256_cmpeq_epi64(state, zero), x);
    const __m256i less = _mm256_cmpgt_epi64(lane_min, x);
    lane_min = _mm256_blendv_epi8(lane_min, x, less);
    lane_arc = _mm256_blendv_epi8(lane_arc, index, less);
    index = _mm256_add_epi64(index, four);
  }
  alignas(32) long long value[4], arc[4];
  _mm256_store_si256(reinterpret_cast<__m256i*>(value), lane_min);
  _mm256_store_si256(reinterpret_cast<__m256i*>(arc), lane_arc);
  // Every lane that found an arc holds a value below `min`: the smallest
  // wins, and of equal ones the first scanned (the lowest index).
  int best = -1;
  for (int l = 0; l < 4; ++l) {
    if (arc[l] < 0) continue;
    if (best < 0 || value[l] < value[best] ||
        (value[l] == value[best] && arc[l] < arc[best])) {
      best = l;
    }
  }
  if (best >= 0) {
    min = value[best];
    in_arc = static_cast<int>(arc[best]);
  }
  ScanArcsPortable(arcs, i, to, min, in_arc);
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

}  // namespace

void ScanArcsPortable(const ArcArrays& arcs, int from, int to,
                      std::int64_t& min, int& in_arc) {
  for (int i = from; i < to; ++i) {
    const std::int64_t c =
        arcs.state[i] * (arcs.cost[i] + arcs.potential[arcs.source[i]] -
                         arcs.potential[arcs.target[i]]);
    if (c < min) {
      min = c;
      in_arc = i;
    }
  }
}

void ScanArcs(const ArcArrays& arcs, int from, int to, std::int64_t& min,
              int& in_arc) {
#if defined(__x86_64__)
  if (to - from >= 8 && HasAvx2()) {
    ScanArcsAvx2(arcs, from, to, min, in_arc);
    return;
  }
#endif
  ScanArcsPortable(arcs, from, to, min, in_arc);
}

}  // namespace fairmatch
