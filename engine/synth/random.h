// A small, fully specified pseudo-random generator for synthetic fairs.
//
// The standard library's engines are portable but its distributions
// (std::uniform_int_distribution, std::normal_distribution, ...) are
// implementation-defined, so the same seed would give different fairs with
// libstdc++, libc++ and MSVC. SynthRandom fixes every step instead:
//
//   seeding  splitmix64 expands the 64-bit seed into the 256-bit state
//   engine   xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear
//            pseudorandom number generators", 2018; prng.di.unimi.it)
//   ints     rejection sampling on the raw 64-bit output, no modulo bias
//   doubles  the top 53 bits scaled by 2^-53
//   normal   Irwin-Hall: the sum of 12 uniforms minus 6. Mean 0, variance
//            1, tails cut at +-6. It uses only + and -, whereas Box-Muller
//            needs log/cos whose last bits differ between libm versions.
//
//   SynthRandom rng(seed);
//   int k = rng.UniformInt(6);      // 0..5
//   double x = rng.Normal();        // approximately N(0, 1)
//
// Not for cryptography; not thread-safe (one instance per thread).
#ifndef FAIRMATCH_SYNTH_RANDOM_H_
#define FAIRMATCH_SYNTH_RANDOM_H_

#include <cassert>
#include <cstdint>
#include <span>

namespace fairmatch {

// One step of splitmix64: advances *state and returns the next output.
inline std::uint64_t SplitMix64(std::uint64_t* state) {
  std::uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class SynthRandom {
 public:
  explicit SynthRandom(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (std::uint64_t& word : s_) word = SplitMix64(&sm);
  }

  // The next raw 64-bit output of xoshiro256**.
  std::uint64_t Next() {
    const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n). REQUIRES: n > 0.
  std::uint64_t UniformInt(std::uint64_t n) {
    assert(n > 0);
    // Reject the lowest (2^64 mod n) outputs so every residue is equally
    // likely.
    const std::uint64_t threshold = (0 - n) % n;
    std::uint64_t r = Next();
    while (r < threshold) r = Next();
    return r % n;
  }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int UniformInt(int lo, int hi) {
    assert(lo <= hi);
    return lo + static_cast<int>(UniformInt(static_cast<std::uint64_t>(
                    static_cast<std::int64_t>(hi) - lo + 1)));
  }

  // Uniform in [0, 1), with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // True with probability p (p <= 0: never; p >= 1: always).
  bool Bernoulli(double p) { return Uniform() < p; }

  // Approximately standard normal (Irwin-Hall, see the file comment).
  double Normal() {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += Uniform();
    return sum - 6.0;
  }

  // An index drawn with probability proportional to weights[i]; weights
  // that are <= 0 are never drawn. REQUIRES: some weight is > 0.
  int Weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w > 0 ? w : 0;
    assert(total > 0);
    double x = Uniform() * total;
    int last = 0;
    for (int i = 0; i < static_cast<int>(weights.size()); ++i) {
      if (weights[i] <= 0) continue;
      last = i;
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return last;  // rounding left x just above the sum
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
  }

  std::uint64_t s_[4];
};

}  // namespace fairmatch

#endif  // FAIRMATCH_SYNTH_RANDOM_H_
