package io.chainline.core.redact;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.MapType;

import io.chainline.core.config.Secret;

/**
 * A Jackson module that redacts while it serialises: {@link Secret}s and properties or map entries with a secret
 * name become {@code [hidden]}, and every other string goes through {@link Redactor#redactText(String)}. Reports,
 * {@code --json} output and logged objects are written with it; data files are not.
 */
public final class RedactionModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public RedactionModule() {
        super("chainline-redaction");
        addSerializer(Secret.class, new HiddenSerializer<>(Secret.class));
        addSerializer(String.class, new RedactedStringSerializer());
        setSerializerModifier(new SecretNames());
    }

    private static final class HiddenSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;

        HiddenSerializer(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(Redactor.HIDDEN);
        }
    }

    private static final class RedactedStringSerializer extends StdSerializer<String> {
        private static final long serialVersionUID = 1L;

        RedactedStringSerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(Redactor.redactText(value));
        }
    }

    private static final class SecretNames extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter property : properties) {
                if (Redactor.isSecretKey(property.getName())) {
                    property.assignSerializer(new HiddenSerializer<>(Object.class));
                }
            }
            return properties;
        }

        @Override
        public JsonSerializer<?> modifyMapSerializer(
                SerializationConfig config, MapType type, BeanDescription description, JsonSerializer<?> serializer) {
            return new RedactedMapSerializer();
        }
    }

    /** Writes maps entry by entry, hiding the values of secret keys. */
    private static final class RedactedMapSerializer extends StdSerializer<Map<?, ?>> {
        private static final long serialVersionUID = 1L;

        RedactedMapSerializer() {
            super(Map.class, false);
        }

        @Override
        public void serialize(Map<?, ?> map, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(map);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                json.writeFieldName(key);
                if (entry.getValue() != null && Redactor.isSecretKey(key)) {
                    json.writeString(Redactor.HIDDEN);
                } else {
                    provider.defaultSerializeValue(entry.getValue(), json);
                }
            }
            json.writeEndObject();
        }
    }
}
