package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.errors.ApiProblems;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every page's template is where its controller says it is: each view a class of the pages (web and its features) or of
 * the error pages names — a handler's {@code return "cases/case"} or {@code "cases/case :: live"}, a
 * {@code new ModelAndView("error")} — is a template under {@code templates/}, with the fragment it names; and a class in
 * a feature's package {@code web.<feature>} names only templates in {@code templates/<feature>/} (or the shared
 * {@code fragments/}). The views are read from the compiled classes, so a page moved without its template fails here,
 * not in front of a person.
 */
class PageTemplatesTest {

    private static final String WEB = Labels.class.getPackageName();
    private static final String ERRORS = ApiProblems.class.getPackageName();
    /** What a view's name looks like ("cases/case", "work/work :: queues"), unlike the other text a controller returns. */
    private static final Pattern VIEW = Pattern.compile("[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)*( :: [A-Za-z][A-Za-z0-9-]*)?");

    @Test
    void everyViewAPageNamesIsATemplateBesideItsFeature() throws Exception {
        Map<String, List<String>> viewsByClass = new TreeMap<>();
        for (String type : classesOf(WEB)) {
            viewsByClass.put(type, views(Class.forName(type, false, getClass().getClassLoader())));
        }
        for (String type : classesOf(ERRORS)) {
            viewsByClass.put(type, views(Class.forName(type, false, getClass().getClassLoader())));
        }
        assertThat(viewsByClass.values().stream().mapToInt(List::size).sum()).as("the views found").isGreaterThan(10);

        List<String> problems = new ArrayList<>();
        viewsByClass.forEach((type, views) -> {
            Optional<String> feature = feature(type);
            for (String view : views) {
                String template = view.contains("::") ? view.substring(0, view.indexOf("::")).strip() : view;
                String fragment = view.contains("::") ? view.substring(view.indexOf("::") + 2).strip() : null;
                Optional<String> html = template("templates/" + template + ".html");
                if (html.isEmpty()) {
                    problems.add(type + " names " + view + ": there is no templates/" + template + ".html");
                } else if (fragment != null && !html.get().contains("th:fragment=\"" + fragment + "\"")
                        && !html.get().contains("th:fragment=\"" + fragment + "(")) {
                    problems.add(type + " names " + view + ": templates/" + template + ".html has no fragment " + fragment);
                }
                if (feature.isPresent() && !template.startsWith(feature.get() + "/") && !template.startsWith("fragments/")) {
                    problems.add(type + " names " + view + ": a page of web." + feature.get() + " keeps its templates in templates/"
                            + feature.get() + "/");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFeaturesPagesNameTheirTemplates() throws Exception {
        Map<String, Integer> viewsByFeature = new TreeMap<>();
        for (String type : classesOf(WEB)) {
            Optional<String> feature = feature(type);
            if (feature.isPresent()) {
                viewsByFeature.merge(feature.get(), views(Class.forName(type, false, getClass().getClassLoader())).size(), Integer::sum);
            }
        }
        assertThat(viewsByFeature).as("the features' packages the pages live in").isNotEmpty();
        viewsByFeature.forEach((feature, views) -> assertThat(views).as("views named in web.%s", feature).isPositive());
    }

    /** "cases" for a class of web.cases (or below it); empty for web's own, shared classes and the error pages. */
    private static Optional<String> feature(String type) {
        String pkg = type.substring(0, type.lastIndexOf('.'));
        if (!pkg.startsWith(WEB + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(WEB.length() + 1);
        return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
    }

    private Optional<String> template(String resource) {
        URL url = getClass().getClassLoader().getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled classes of a package and the packages below it, by name. */
    private static List<String> classesOf(String pkg) throws URISyntaxException, IOException {
        Path classes = Path.of(Labels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
    }

    /**
     * The views a class names: a view's name a controller's method returns as a constant (a redirect is not one), and
     * the first argument of {@code new ModelAndView("…")} anywhere.
     */
    private static List<String> views(Class<?> type) throws IOException {
        List<String> views = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        boolean controller = AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                boolean returnsViews = controller && returnsText(type, name, descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    private String constant;
                    private boolean newModelAndView;

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (newModelAndView && value instanceof String view) {
                            views.add(view);
                        }
                        newModelAndView = false;
                        constant = value instanceof String text ? text : null;
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String typeName) {
                        newModelAndView = opcode == Opcodes.NEW && typeName.equals("org/springframework/web/servlet/ModelAndView");
                        constant = null;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.ARETURN) {
                            handlerReturns();
                        }
                        if (opcode != Opcodes.DUP) {
                            newModelAndView = false;
                        }
                        constant = null;
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        constant = null;
                        newModelAndView = false;
                    }

                    private void handlerReturns() {
                        if (returnsViews && constant != null && VIEW.matcher(constant).matches()) {
                            views.add(constant);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        constant = null;
                        newModelAndView = false;
                    }

                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        constant = null;
                        newModelAndView = false;
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        constant = null;
                        newModelAndView = false;
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return views;
    }

    /** A method of a controller that returns a view's name: a handler's, or a helper's that builds its page. */
    private static boolean returnsText(Class<?> type, String name, String descriptor) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor))
                .anyMatch(method -> !AnnotatedElementUtils.hasAnnotation(method, ResponseBody.class)
                        && (method.getReturnType() == String.class || method.getReturnType() == Object.class));
    }
}
