/*
 * mixbox_settings_nvs.c - the settings' two slots as NVS blobs (ESP-IDF v5.5,
 * nvs.h). Built only into the nanoFramework image. nanoFramework's app_main has
 * already run nvs_flash_init(); the CLR's own NVS namespace is separate ("nanoF").
 *
 * Updates: nanoff --update writes the bootloader, the partition table, nanoCLR
 * (0x10000) and restores the config partition; --deploy writes the deployment
 * partition. Neither touches the NVS partition (0x9000, 24 KB), so slots survive
 * both; only --masserase (or erasing the chip) clears them. See docs/DEVICE.md.
 */
#include "nvs.h"

#include "mixbox_device.h"

#define NVS_NAMESPACE "mixbox"

/* Slots 0-1: the current scene; 2-33: the 16 scene memories, two copies each; 34-35: the
 * remote settings (the firmware's Settings/SettingsLayout.cs). NVS keys: at most 15 characters. */
static const char *slot_key(int32_t slot)
{
    static const char *const keys[MIXBOX_SETTINGS_SLOTS] = {
        "slot0", "slot1", "slot2", "slot3", "slot4", "slot5", "slot6", "slot7", "slot8",
        "slot9", "slot10", "slot11", "slot12", "slot13", "slot14", "slot15", "slot16",
        "slot17", "slot18", "slot19", "slot20", "slot21", "slot22", "slot23", "slot24",
        "slot25", "slot26", "slot27", "slot28", "slot29", "slot30", "slot31", "slot32", "slot33",
        "slot34", "slot35",
    };
    if (slot < 0 || slot >= MIXBOX_SETTINGS_SLOTS) return NULL;
    return keys[slot];
}

int32_t mixbox_settings_length(int32_t slot)
{
    const char *key = slot_key(slot);
    if (key == NULL) return MIXBOX_DEVICE_ERR_ARGUMENT;
    nvs_handle_t handle;
    esp_err_t err = nvs_open(NVS_NAMESPACE, NVS_READONLY, &handle);
    if (err == ESP_ERR_NVS_NOT_FOUND) return MIXBOX_DEVICE_ERR_NOT_FOUND; /* namespace not created yet */
    if (err != ESP_OK) return MIXBOX_DEVICE_ERR_NVS;
    size_t length = 0;
    err = nvs_get_blob(handle, key, NULL, &length); /* NULL buffer: length only */
    nvs_close(handle);
    if (err == ESP_ERR_NVS_NOT_FOUND) return MIXBOX_DEVICE_ERR_NOT_FOUND;
    if (err != ESP_OK || length > MIXBOX_SETTINGS_MAX_BYTES) return MIXBOX_DEVICE_ERR_NVS;
    return (int32_t)length;
}

int32_t mixbox_settings_read(int32_t slot, uint8_t *buffer, size_t capacity)
{
    const char *key = slot_key(slot);
    if (key == NULL || buffer == NULL) return MIXBOX_DEVICE_ERR_ARGUMENT;
    nvs_handle_t handle;
    esp_err_t err = nvs_open(NVS_NAMESPACE, NVS_READONLY, &handle);
    if (err == ESP_ERR_NVS_NOT_FOUND) return MIXBOX_DEVICE_ERR_NOT_FOUND;
    if (err != ESP_OK) return MIXBOX_DEVICE_ERR_NVS;
    size_t length = capacity;
    err = nvs_get_blob(handle, key, buffer, &length);
    nvs_close(handle);
    if (err == ESP_ERR_NVS_NOT_FOUND) return MIXBOX_DEVICE_ERR_NOT_FOUND;
    if (err == ESP_ERR_NVS_INVALID_LENGTH) return MIXBOX_DEVICE_ERR_ARGUMENT; /* buffer shorter than the blob */
    if (err != ESP_OK) return MIXBOX_DEVICE_ERR_NVS;
    return (int32_t)length;
}

int32_t mixbox_settings_write(int32_t slot, const uint8_t *data, size_t length)
{
    const char *key = slot_key(slot);
    if (key == NULL || data == NULL || length > MIXBOX_SETTINGS_MAX_BYTES) return MIXBOX_DEVICE_ERR_ARGUMENT;
    nvs_handle_t handle;
    if (nvs_open(NVS_NAMESPACE, NVS_READWRITE, &handle) != ESP_OK) return MIXBOX_DEVICE_ERR_NVS;
    esp_err_t err = nvs_set_blob(handle, key, data, length);
    if (err == ESP_OK) err = nvs_commit(handle);
    nvs_close(handle);
    return err == ESP_OK ? MIXBOX_OK : MIXBOX_DEVICE_ERR_NVS;
}
