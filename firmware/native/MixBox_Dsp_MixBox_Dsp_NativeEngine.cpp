//-----------------------------------------------------------------------------
// Interop implementation of MixBox.Dsp.NativeEngine (dsp/MixBox.Dsp/NativeEngine.Device.cs),
// in the layout the nanoFramework metadata processor generates for assembly "MixBox.Dsp"
// with NFMDP_GENERATE_STUBS: the generated MixBox_Dsp_MixBox_Dsp_NativeEngine.h declares
// these functions, the generated _mshl.cpp unmarshals the stack into them, e.g.
//   Library_MixBox_Dsp_MixBox_Dsp_NativeEngine::NativeProcess___STATIC__I4__SZARRAY_I4__SZARRAY_I4__I4
// and the generated MixBox_Dsp.cpp holds the method table and checksum (taken from the
// build, never hand-written). Only argument checks and forwarding here: no engine logic.
//-----------------------------------------------------------------------------

#include "MixBox_Dsp.h"
#include "MixBox_Dsp_MixBox_Dsp_NativeEngine.h"

#include "mixbox_device.h"

using namespace MixBox_Dsp::MixBox_Dsp;

signed int NativeEngine::NativeAbiVersion(HRESULT &hr)
{
    (void)hr;
    return (signed int)mixbox_abi_version();
}

signed int NativeEngine::NativeInit(signed int param0, signed int param1, HRESULT &hr)
{
    (void)hr;
    if (param0 <= 0) return MIXBOX_ERR_SAMPLE_RATE;
    if (param1 <= 0) return MIXBOX_ERR_CHANNEL_COUNT;
    return mixbox_device_init((uint32_t)param0, (uint32_t)param1);
}

signed int NativeEngine::NativeProcess(CLR_RT_TypedArray_INT32 param0, CLR_RT_TypedArray_INT32 param1, signed int param2, HRESULT &hr)
{
    (void)hr;
    // While the audio task runs it is the engine's only processor.
    if (mixbox_audio_running()) return MIXBOX_DEVICE_ERR_BUSY;
    if (param2 <= 0) return MIXBOX_ERR_BLOCK_SIZE;
    return mixbox_process(mixbox_device_engine(),
                          (const mixbox_q31_t *)param0.GetBuffer(), param0.GetSize(),
                          (mixbox_q31_t *)param1.GetBuffer(), param1.GetSize(),
                          (uint32_t)param2);
}

signed int NativeEngine::NativeSetParam(signed int param0, signed int param1, signed int param2, HRESULT &hr)
{
    (void)hr;
    if (param0 < 0 || param0 >= (signed int)MIXBOX_PARAM_COUNT) return MIXBOX_ERR_PARAM;
    if (param1 < 0) return MIXBOX_ERR_INDEX;
    // Control side of the engine's own split: user values, then a whole target set
    // published through the engine's triple buffer; the audio task adopts it at its
    // next block (the exchange that publishes it orders the writes: no fence needed).
    return mixbox_set_param(mixbox_device_engine(), (mixbox_param_t)param0, (uint32_t)param1, param2);
}

signed int NativeEngine::NativeGetParam(signed int param0, signed int param1, CLR_RT_TypedArray_INT32 param2, HRESULT &hr)
{
    (void)hr;
    if (param0 < 0 || param0 >= (signed int)MIXBOX_PARAM_COUNT) return MIXBOX_ERR_PARAM;
    if (param1 < 0) return MIXBOX_ERR_INDEX;
    if (param2.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param2.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    int32_t value = 0;
    // User values are written only by this (control) side: no hand-off needed.
    mixbox_status_t status = mixbox_get_param(mixbox_device_engine(), (mixbox_param_t)param0, (uint32_t)param1, &value);
    if (status == MIXBOX_OK) param2.GetBuffer()[0] = value;
    return status;
}

signed int NativeEngine::NativeReadMeter(signed int param0, CLR_RT_TypedArray_INT32 param1, HRESULT &hr)
{
    (void)hr;
    if (param0 < 0) return MIXBOX_ERR_INDEX;
    if (param1.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param1.GetSize() < 4) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_meter_reading_t reading;
    int32_t status = mixbox_device_meter_read((uint32_t)param0, &reading);
    if (status == MIXBOX_OK) {
        signed int *values = param1.GetBuffer();
        values[0] = reading.peak_cdb;
        values[1] = reading.rms_cdb;
        values[2] = reading.hold_cdb;
        values[3] = reading.clipped;
    }
    return status;
}

signed int NativeEngine::NativeResetMeterHold(signed int param0, HRESULT &hr)
{
    (void)hr;
    if (param0 < 0) return MIXBOX_ERR_INDEX;
    return mixbox_device_meter_reset_hold((uint32_t)param0);
}

signed int NativeEngine::NativeReadGainReduction(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    int32_t value = 0;
    int32_t status = mixbox_device_gain_reduction_read(&value);
    if (status == MIXBOX_OK) param0.GetBuffer()[0] = value;
    return status;
}

signed int NativeEngine::NativeReadDeEsserReduction(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    int32_t value = 0;
    int32_t status = mixbox_device_de_esser_reduction_read(&value);
    if (status == MIXBOX_OK) param0.GetBuffer()[0] = value;
    return status;
}

signed int NativeEngine::NativeReadLoudness(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 8) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_loudness_reading_t reading;
    int32_t status = mixbox_device_loudness_read(&reading);
    if (status == MIXBOX_OK) {
        signed int *values = param0.GetBuffer();
        values[0] = reading.momentary_clu;
        values[1] = reading.short_term_clu;
        values[2] = reading.integrated_clu;
        values[3] = reading.momentary_max_clu;
        values[4] = reading.short_term_max_clu;
        values[5] = reading.loudness_range_clu;
        values[6] = reading.true_peak_max_cdb;
        values[7] = reading.range_stable;
    }
    return status;
}

signed int NativeEngine::NativeResetLoudness(HRESULT &hr)
{
    (void)hr;
    return mixbox_device_loudness_reset();
}

signed int NativeEngine::NativeReadDistortion(signed int param0, CLR_RT_TypedArray_INT32 param1, HRESULT &hr)
{
    (void)hr;
    if (param0 < 0) return MIXBOX_ERR_INDEX;
    if (param1.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param1.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    int32_t value = 0;
    int32_t status = mixbox_device_distortion_read((uint32_t)param0, &value);
    if (status == MIXBOX_OK) param1.GetBuffer()[0] = value;
    return status;
}

signed int NativeEngine::NativeReadTruePeak(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    int32_t value = 0;
    int32_t status = mixbox_device_true_peak_read(&value);
    if (status == MIXBOX_OK) param0.GetBuffer()[0] = value;
    return status;
}

signed int NativeEngine::NativeReadLatencyFrames(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    uint32_t frames = 0u;
    // Control side: the latency of the parameters as set (no hand-off needed).
    mixbox_status_t status = mixbox_latency_frames(mixbox_device_engine(), &frames);
    if (status == MIXBOX_OK) param0.GetBuffer()[0] = (signed int)frames;
    return status;
}

// Order: SpectrumReading in C#: the ten bands (31.5 Hz first), then on.
signed int NativeEngine::NativeReadSpectrum(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < (int)MIXBOX_SPECTRUM_BANDS + 1) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_spectrum_reading_t reading;
    int32_t status = mixbox_device_spectrum_read(&reading);
    if (status == MIXBOX_OK) {
        signed int *values = param0.GetBuffer();
        for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) values[b] = reading.band_cdb[b];
        values[MIXBOX_SPECTRUM_BANDS] = reading.on;
    }
    return status;
}

// Order: CorrelationReading in C#: correlation, width, low-band correlation, on. The audio
// task hands over its averaged sums; the division and square root run here, on the CLR's side.
signed int NativeEngine::NativeReadCorrelation(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < 4) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_correlation_sums_t sums;
    int32_t status = mixbox_device_correlation_sums_read(&sums);
    mixbox_correlation_reading_t reading;
    if (status == MIXBOX_OK) status = mixbox_correlation_from_sums(&sums, &reading);
    if (status == MIXBOX_OK) {
        signed int *values = param0.GetBuffer();
        values[0] = reading.correlation_x10000;
        values[1] = reading.width_cdb;
        values[2] = reading.low_correlation_x10000;
        values[3] = reading.on;
    }
    return status;
}
