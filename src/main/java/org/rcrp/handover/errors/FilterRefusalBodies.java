package org.rcrp.handover.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rcrp.handover.support.FilterRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The filters' refusals as {@link ErrorBodies} writes every error outside a controller. */
@Component
class FilterRefusalBodies implements FilterRefusals {

    private final ObjectMapper objectMapper;

    FilterRefusalBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void refuse(String path, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ErrorBodies.write(objectMapper, path, response, status, detail);
    }
}
