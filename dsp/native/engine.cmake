# The engine's sources and the flags every build of them needs: the one list,
# included by the host library (CMakeLists.txt), the native tests
# (test/, fuzz/, firmware/native) and the device image (nf-interpreter).
set(MIXBOX_ENGINE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(MIXBOX_ENGINE_INCLUDE_DIR ${MIXBOX_ENGINE_DIR}/include)
set(MIXBOX_ENGINE_SOURCES
    ${MIXBOX_ENGINE_DIR}/src/bus_compressor.c
    ${MIXBOX_ENGINE_DIR}/src/bus_eq.c
    ${MIXBOX_ENGINE_DIR}/src/bus_meters.c
    ${MIXBOX_ENGINE_DIR}/src/bus_sum.c
    ${MIXBOX_ENGINE_DIR}/src/control_math.c
    ${MIXBOX_ENGINE_DIR}/src/correlation_meter.c
    ${MIXBOX_ENGINE_DIR}/src/de_esser.c
    ${MIXBOX_ENGINE_DIR}/src/distortion_meter.c
    ${MIXBOX_ENGINE_DIR}/src/drive_stage.c
    ${MIXBOX_ENGINE_DIR}/src/gain_law.c
    ${MIXBOX_ENGINE_DIR}/src/gain_ramp.c
    ${MIXBOX_ENGINE_DIR}/src/halfband_decimator.c
    ${MIXBOX_ENGINE_DIR}/src/highpass_section.c
    ${MIXBOX_ENGINE_DIR}/src/k_weighting.c
    ${MIXBOX_ENGINE_DIR}/src/level_db.c
    ${MIXBOX_ENGINE_DIR}/src/level_meter.c
    ${MIXBOX_ENGINE_DIR}/src/log2_fixed.c
    ${MIXBOX_ENGINE_DIR}/src/loudness_histogram.c
    ${MIXBOX_ENGINE_DIR}/src/loopback_test.c
    ${MIXBOX_ENGINE_DIR}/src/loudness_meter.c
    ${MIXBOX_ENGINE_DIR}/src/meter_filter_design.c
    ${MIXBOX_ENGINE_DIR}/src/mix_engine.c
    ${MIXBOX_ENGINE_DIR}/src/mixbus_chain.c
    ${MIXBOX_ENGINE_DIR}/src/octave_analyser.c
    ${MIXBOX_ENGINE_DIR}/src/output_stage.c
    ${MIXBOX_ENGINE_DIR}/src/stereo_tools.c
    ${MIXBOX_ENGINE_DIR}/src/svf_design.c
    ${MIXBOX_ENGINE_DIR}/src/svf_pole_table.c
    ${MIXBOX_ENGINE_DIR}/src/svf_pole_table_data.c
    ${MIXBOX_ENGINE_DIR}/src/svf_section.c
    ${MIXBOX_ENGINE_DIR}/src/true_peak.c
    ${MIXBOX_ENGINE_DIR}/src/true_peak_limiter.c
)
# -ffp-contract=off: no fused multiply-add, so coefficient derivation rounds
# identically on every platform (see src/control_math.h).
set(MIXBOX_ENGINE_C_FLAGS -ffp-contract=off)
set(MIXBOX_ENGINE_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)
