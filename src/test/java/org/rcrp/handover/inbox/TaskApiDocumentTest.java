package org.rcrp.handover.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.errors.ProblemResponses;
import org.rcrp.handover.identity.SecurityConfiguration;
import org.rcrp.handover.tasks.TaskCatalogue;
import org.rcrp.handover.tasks.UserTask;
import org.rcrp.handover.errors.ApiProblems;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document's body for completing a task: one of the body records of the task catalogue, in its order, each
 * described in the components with the fields its task's page asks.
 */
@WebMvcTest(TaskController.class)
@Import({SecurityConfiguration.class, ProblemResponses.class, Actors.class, ApiProblems.class, TaskBodySchemas.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocSpecPropertiesConfiguration.class,
        SpringDocWebMvcConfiguration.class})
class TaskApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    TaskFacade tasks;

    @Test
    void completingATaskTakesOneOfTheCataloguesBodies() throws Exception {
        JsonNode document = json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("handler1", "handler1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        JsonNode body = document.at("/paths/~1api~1tasks~1{id}~1complete/post/requestBody");
        assertThat(body.path("required").asBoolean()).isTrue();
        List<String> mediaTypes = new ArrayList<>();
        body.path("content").fieldNames().forEachRemaining(mediaTypes::add);
        assertThat(mediaTypes).containsExactly("application/json");
        List<String> oneOf = new ArrayList<>();
        body.at("/content/application~1json/schema/oneOf").forEach(ref -> oneOf.add(ref.path("$ref").asText()));
        assertThat(oneOf).containsExactlyElementsOf(TaskCatalogue.TASKS.stream()
                .map(task -> "#/components/schemas/" + task.body().getSimpleName()).toList());

        assertThat(document.at("/components/schemas/JsonNode").isMissingNode()).as("the body as the controller reads it").isTrue();
        for (UserTask task : TaskCatalogue.TASKS) {
            JsonNode schema = document.at("/components/schemas/" + task.body().getSimpleName());
            assertThat(schema.path("type").asText()).as(task.key()).isEqualTo("object");
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(task.key()).containsAll(task.questions().stream().map(UserTask.Question::name).toList());
        }
    }
}
