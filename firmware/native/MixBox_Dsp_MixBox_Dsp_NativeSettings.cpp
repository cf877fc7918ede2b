//-----------------------------------------------------------------------------
// Interop implementation of MixBox.Dsp.NativeSettings (dsp/MixBox.Dsp/NativeSettings.Device.cs);
// same conventions as MixBox_Dsp_MixBox_Dsp_NativeEngine.cpp. Forwards to
// mixbox_settings_nvs.c.
//-----------------------------------------------------------------------------

#include "MixBox_Dsp.h"
#include "MixBox_Dsp_MixBox_Dsp_NativeSettings.h"

#include "mixbox_device.h"

using namespace MixBox_Dsp::MixBox_Dsp;

signed int NativeSettings::NativeLength(signed int param0, HRESULT &hr)
{
    (void)hr;
    return mixbox_settings_length(param0);
}

signed int NativeSettings::NativeRead(signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr)
{
    (void)hr;
    if (param1.GetBuffer() == NULL) return MIXBOX_DEVICE_ERR_ARGUMENT;
    return mixbox_settings_read(param0, param1.GetBuffer(), param1.GetSize());
}

signed int NativeSettings::NativeWrite(signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr)
{
    (void)hr;
    if (param1.GetBuffer() == NULL) return MIXBOX_DEVICE_ERR_ARGUMENT;
    return mixbox_settings_write(param0, param1.GetBuffer(), param1.GetSize());
}
