package org.rcrp.handover.inbox;

import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.List;
import org.rcrp.handover.tasks.TaskCatalogue;
import org.rcrp.handover.tasks.UserTask;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document's body for completing a task ({@link TaskController#complete}): one of the body records of the
 * task catalogue, in its order, each described in the components as springdoc describes any other body.
 */
@Component
class TaskBodySchemas implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().get(TaskController.PATH + TaskController.COMPLETE) == null) {
            return;
        }
        var complete = openApi.getPaths().get(TaskController.PATH + TaskController.COMPLETE).getPost();
        if (complete == null) {
            return;
        }
        boolean openApi31 = openApi.getSpecVersion() == SpecVersion.V31;
        List<Schema> bodies = TaskCatalogue.TASKS.stream().map(UserTask::body)
                .map(body -> (Schema) AnnotationsUtils.resolveSchemaFromType(body, openApi.getComponents(), null, openApi31))
                .toList();
        Schema<Object> oneOf = openApi31 ? new JsonSchema() : new Schema<>();
        oneOf.setOneOf(bodies);
        RequestBody requestBody = complete.getRequestBody() == null ? new RequestBody().required(true) : complete.getRequestBody();
        complete.setRequestBody(requestBody.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(oneOf))));
    }
}
