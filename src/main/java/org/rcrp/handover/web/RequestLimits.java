package org.rcrp.handover.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rcrp.handover.support.FilterRefusals;
import org.rcrp.handover.support.NoNulStrings;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request may be: a body of at most {@code rcrp.limits.max-body-size} (413 problem+json
 * otherwise, before anything reads it), JSON nested at most {@code max-json-depth} deep with strings of
 * at most {@code max-string-length} characters, and no NUL character anywhere (PostgreSQL cannot store
 * one, so it would otherwise fail deep inside a transaction instead of being named as the caller's error).
 */
@Configuration
@EnableConfigurationProperties(RequestLimits.Limits.class)
public class RequestLimits {

    @ConfigurationProperties("rcrp.limits")
    record Limits(DataSize maxBodySize, int maxJsonDepth, int maxStringLength) {
        Limits {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
            maxJsonDepth = maxJsonDepth <= 0 ? 32 : maxJsonDepth;
            maxStringLength = maxStringLength <= 0 ? 65_536 : maxStringLength;
        }
    }

    /** A body that outgrew the limit while it was read (no Content-Length, or a false one). */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLimitsFilter(Limits limits, FilterRefusals refusals) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new LimitFilter(limits.maxBodySize().toBytes(), refusals));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits(Limits limits) {
        return builder -> builder.modulesToInstall(NoNulStrings.module()).postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build()));
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final long limit;
        private final FilterRefusals refusals;

        LimitFilter(long limit, FilterRefusals refusals) {
            this.limit = limit;
            this.refusals = refusals;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > limit) {
                refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes");
                return;
            }
            if (hasEncodedNul(request.getQueryString()) || hasEncodedNul(request.getRequestURI())) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "The address must not contain the NUL character");
                return;
            }
            HttpServletRequest limited = new LimitedRequest(request, limit);
            if (isForm(request) && limited.getParameterMap().values().stream()
                    .flatMap(java.util.Arrays::stream).anyMatch(LimitFilter::hasNul)) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "A form field must not contain the NUL character");
                return;
            }
            chain.doFilter(limited, response);
        }

        private static boolean isForm(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }

        private static boolean hasNul(String value) {
            return value != null && value.indexOf('\0') >= 0;
        }

        private static boolean hasEncodedNul(String rawValue) {
            return hasNul(rawValue) || (rawValue != null && rawValue.contains("%00"));
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
                throws IOException {
            refusals.refuse(request.getRequestURI(), response, status, detail);
        }
    }

    /** Counts what is read of the body and stops at the limit. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = body.read();
                        if (next >= 0) {
                            count(1);
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
