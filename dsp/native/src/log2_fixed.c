#include "log2_fixed.h"

/* round(log2(1 + i/64) * 2^24), i = 0..64. */
static const int32_t log2_mantissa_q24[65] = {
    0, 375270, 744810, 1108793, 1467383, 1820738,
    2169009, 2512340, 2850868, 3184728, 3514044, 3838941,
    4159533, 4475935, 4788255, 5096595, 5401057, 5701737,
    5998727, 6292118, 6581994, 6868440, 7151536, 7431359,
    7707984, 7981483, 8251926, 8519380, 8783912, 9045584,
    9304457, 9560591, 9814042, 10064867, 10313120, 10558852,
    10802114, 11042956, 11281425, 11517568, 11751428, 11983051,
    12212479, 12439752, 12664911, 12887994, 13109041, 13328087,
    13545168, 13760320, 13973576, 14184969, 14394532, 14602297,
    14808293, 15012551, 15215099, 15415967, 15615181, 15812769,
    16008758, 16203172, 16396036, 16587377, 16777216,
};

/* round(2^(i/64) * 2^30), i = 0..64. */
static const uint32_t exp2_mantissa_q30[65] = {
    1073741824u, 1085434106u, 1097253708u, 1109202018u, 1121280436u, 1133490379u,
    1145833280u, 1158310587u, 1170923762u, 1183674286u, 1196563654u, 1209593378u,
    1222764986u, 1236080024u, 1249540052u, 1263146652u, 1276901417u, 1290805962u,
    1304861917u, 1319070932u, 1333434672u, 1347954824u, 1362633090u, 1377471191u,
    1392470869u, 1407633882u, 1422962010u, 1438457051u, 1454120821u, 1469955159u,
    1485961921u, 1502142985u, 1518500250u, 1535035634u, 1551751076u, 1568648537u,
    1585730000u, 1602997467u, 1620452965u, 1638098541u, 1655936265u, 1673968228u,
    1692196547u, 1710623359u, 1729250827u, 1748081133u, 1767116489u, 1786359126u,
    1805811301u, 1825475297u, 1845353420u, 1865448001u, 1885761398u, 1906295993u,
    1927054196u, 1948038440u, 1969251188u, 1990694927u, 2012372174u, 2034285470u,
    2056437387u, 2078830522u, 2101467502u, 2124350982u, 2147483648u,
};

static int top_bit_index(uint64_t x)
{
#if defined(__GNUC__)
    return 63 - __builtin_clzll(x);
#else
    int n = 0;
    while (x >>= 1) n++;
    return n;
#endif
}

int32_t log2_level_q24(uint64_t magnitude)
{
    if (magnitude == 0u) return LOG2_LEVEL_FLOOR_Q24;
    int top = top_bit_index(magnitude);
    uint64_t normalised = magnitude << (63 - top); /* leading one at bit 63 */
    uint32_t segment = (uint32_t)(normalised >> 57) & 63u;
    int64_t within = (int64_t)((normalised >> 33) & 0xFFFFFFu); /* 24 bits */
    int64_t low = log2_mantissa_q24[segment];
    int64_t high = log2_mantissa_q24[segment + 1u];
    int64_t mantissa = low + (((high - low) * within) >> 24);
    return (int32_t)((int64_t)(top - 31) * (1 << 24) + mantissa);
}

int32_t exp2_gain_q24(int32_t v_q24)
{
    if (v_q24 >= 6 * (1 << 24)) v_q24 = 6 * (1 << 24) - 1;
    int32_t whole = v_q24 >> 24; /* floor */
    if (whole < -31) return 0;
    uint32_t fraction = (uint32_t)v_q24 & 0xFFFFFFu;
    uint32_t segment = fraction >> 18;
    int64_t within = (int64_t)(fraction & 0x3FFFFu); /* 18 bits */
    int64_t low = exp2_mantissa_q30[segment];
    int64_t high = exp2_mantissa_q30[segment + 1u];
    int64_t mantissa_q30 = low + (((high - low) * within) >> 18);
    int shift = 6 - whole; /* Q30 -> Q24, times 2^whole */
    return shift >= 63 ? 0 : (int32_t)(mantissa_q30 >> shift);
}
