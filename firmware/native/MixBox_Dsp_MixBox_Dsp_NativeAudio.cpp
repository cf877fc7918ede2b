//-----------------------------------------------------------------------------
// Interop implementation of MixBox.Dsp.NativeAudio (dsp/MixBox.Dsp/NativeAudio.Device.cs);
// same conventions as MixBox_Dsp_MixBox_Dsp_NativeEngine.cpp. Forwards to
// mixbox_audio_task.c.
//-----------------------------------------------------------------------------

#include "MixBox_Dsp.h"
#include "MixBox_Dsp_MixBox_Dsp_NativeAudio.h"

#include "mixbox_device.h"

using namespace MixBox_Dsp::MixBox_Dsp;

signed int NativeAudio::NativeStart(HRESULT &hr)
{
    (void)hr;
    return mixbox_audio_start();
}

signed int NativeAudio::NativeStop(HRESULT &hr)
{
    (void)hr;
    return mixbox_audio_stop();
}

signed int NativeAudio::NativeIsRunning(HRESULT &hr)
{
    (void)hr;
    return mixbox_audio_running() ? 1 : 0;
}

// Order: NativeAudio.Stat* in C# (tests/MixBox.Device.Tests checks the two agree).
signed int NativeAudio::NativeReadStats(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < MIXBOX_AUDIO_STAT_COUNT) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_audio_stats_t stats;
    mixbox_audio_read_stats(&stats);
    signed int *values = param0.GetBuffer();
    values[0] = (signed int)stats.blocks;
    values[1] = (signed int)stats.overruns;
    values[2] = (signed int)stats.underruns;
    values[3] = (signed int)stats.io_errors;
    values[4] = (signed int)stats.engine_errors;
    values[5] = (signed int)stats.last_block_us;
    values[6] = (signed int)stats.worst_block_us;
    values[7] = (signed int)stats.late_blocks;
    values[8] = (signed int)stats.budget_us;
    values[9] = (signed int)stats.timeouts;
    values[10] = (signed int)stats.slips;
    values[11] = (signed int)stats.restarts;
    return MIXBOX_OK;
}

signed int NativeAudio::NativeResetStats(HRESULT &hr)
{
    (void)hr;
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_STATS_RESET, 0u);
    return status == MIXBOX_OK ? mixbox_audio_mailbox()->status : status;
}

signed int NativeAudio::NativeLoopbackStart(HRESULT &hr)
{
    (void)hr;
    return mixbox_audio_loopback_start();
}

// Order: LoopbackResult.FromValues in C#: status, latency, level, gain, THD+N.
signed int NativeAudio::NativeLoopbackRead(CLR_RT_TypedArray_INT32 param0, HRESULT &hr)
{
    (void)hr;
    if (param0.GetBuffer() == NULL) return MIXBOX_ERR_NULL;
    if (param0.GetSize() < sizeof(mixbox_loopback_result_t) / sizeof(int32_t)) return MIXBOX_ERR_BUFFER_TOO_SHORT;
    mixbox_loopback_result_t result;
    int32_t status = mixbox_audio_loopback_read(&result);
    if (status != MIXBOX_OK) return status;
    signed int *values = param0.GetBuffer();
    values[0] = (signed int)result.status;
    values[1] = (signed int)result.latency_centisamples;
    values[2] = (signed int)result.level_cdb;
    values[3] = (signed int)result.gain_cdb;
    values[4] = (signed int)result.thd_n_cdb;
    return MIXBOX_OK;
}
