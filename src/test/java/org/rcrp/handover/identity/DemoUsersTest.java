package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;

/** The demo users and groups, and realm-export/rcrp-realm.json, which must hold the same for Keycloak. */
class DemoUsersTest {

    private static final Path REALM = Path.of("realm-export", "rcrp-realm.json");

    @Test
    void childrensSocialCareHasADemoCaseworkerOfItsOwn() {
        assertThat(DemoUsers.ALL).contains(
                new DemoUsers.DemoUser("childsc1", "Chloe", "Children", Set.of("childrens-social-care")));
        assertThat(DemoUsers.GROUPS).contains(List.of("childrens-social-care", "Children's social care"));
    }

    @Test
    void fireAndRescueHasAGroupButNoDemoUser() {
        assertThat(DemoUsers.GROUPS).contains(List.of("fire", "Fire and rescue"));
        assertThat(DemoUsers.ALL).noneMatch(user -> user.groups().contains("fire"));
    }

    @Test
    void everyAgencysGroupIsADemoGroup() {
        List<String> groups = DemoUsers.GROUPS.stream().map(group -> group.get(0)).toList();
        for (Agency agency : Agency.values()) {
            agency.candidateGroup().ifPresent(group -> assertThat(groups).as(agency.name()).contains(group));
        }
        assertThat(groups).doesNotHaveDuplicates();
    }

    @Test
    void everyDemoUserIsInTheRealmWithTheSameGroupsAndPassword() throws IOException {
        Map<String, JsonNode> realmUsers = realmUsers();
        assertThat(realmUsers.keySet()).containsExactlyInAnyOrderElementsOf(DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).toList());
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            JsonNode realmUser = realmUsers.get(user.id());
            assertThat(texts(realmUser.get("groups"))).as(user.id())
                    .containsExactlyInAnyOrderElementsOf(user.groups().stream().map(group -> "/" + group).toList());
            assertThat(realmUser.get("credentials")).as(user.id()).singleElement().satisfies(credential -> {
                assertThat(credential.get("type").asText()).isEqualTo("password");
                assertThat(credential.get("value").asText()).isEqualTo(user.id());
                assertThat(credential.get("temporary").asBoolean()).isFalse();
            });
            assertThat(realmUser.get("email").asText()).as(user.id()).isEqualTo(user.id() + "@rcrp.example");
        }
    }

    @Test
    void everyRealmUserHasTheShapeOfTheOthers() throws IOException {
        Map<String, JsonNode> realmUsers = realmUsers();
        Set<String> shape = fieldNames(realmUsers.get("social1"));
        realmUsers.forEach((name, user) -> assertThat(fieldNames(user)).as(name).isEqualTo(shape));
        JsonNode childsc1 = realmUsers.get("childsc1");
        assertThat(childsc1.get("firstName").asText()).isEqualTo("Chloe");
        assertThat(childsc1.get("lastName").asText()).isEqualTo("Children");
        assertThat(childsc1.get("enabled").asBoolean()).isTrue();
        assertThat(childsc1.get("emailVerified").asBoolean()).isTrue();
        assertThat(childsc1.get("requiredActions")).isEmpty();
    }

    @Test
    void theRealmHasTheDemoGroups() throws IOException {
        List<JsonNode> groups = StreamSupport.stream(realm().get("groups").spliterator(), false).toList();
        assertThat(groups).extracting(group -> group.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(DemoUsers.GROUPS.stream().map(group -> group.get(0)).toList());
        Set<String> shape = fieldNames(groups.get(0));
        for (JsonNode group : groups) {
            assertThat(fieldNames(group)).as(group.toString()).isEqualTo(shape);
            assertThat(group.get("path").asText()).isEqualTo("/" + group.get("name").asText());
            assertThat(group.get("subGroups")).isEmpty();
        }
    }

    /** The realm's people (not its service accounts), by user name. */
    private static Map<String, JsonNode> realmUsers() throws IOException {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        for (JsonNode user : realm().get("users")) {
            if (!user.has("serviceAccountClientId")) {
                users.put(user.get("username").asText(), user);
            }
        }
        return users;
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(REALM.toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        return names;
    }
}
